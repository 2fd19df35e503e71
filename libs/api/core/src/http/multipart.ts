import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { AppError, fieldError, type ErrorCode } from '../errors/app-error';

/** What a multipart body may add around its file (boundaries, part headers, small fields) before it is too large outright. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The OpenAPI body of an upload: one file in the field `fileField`. */
export function fileBody(fileField = 'file') {
  return { schema: { type: 'object' as const, properties: { [fileField]: { type: 'string' as const, format: 'binary' } } } };
}

export interface IncomingFile {
  /** The name the browser sent (not to be trusted: see `safeFileName`). */
  fileName: string | undefined;
  stream: Readable;
}

export interface ReceiveFileOptions {
  maxBytes: number;
  /** The file's field (default `file`). */
  fileField?: string;
  /** Text fields the body may carry, before the file (each at most 64 KB); any other is a 400 naming it. */
  fields?: readonly string[];
  /** The error for a body that is not multipart (415). */
  notMultipart: ErrorCode;
  /** The error for a file over `maxBytes` (413). */
  tooLarge: ErrorCode;
}

/**
 * Streams the one file of a `multipart/form-data` body into `handle`, without holding it: busboy
 * hands the bytes over as they arrive. The text fields named in `fields` come first and are handed
 * over with it; any other field is a 400 naming it, as is a named field sent after the file. No
 * file (or only an empty file input) is a 400 on the file's field, two files a 400; a body whose
 * declared length is already too large a 413 before a byte is read. When `handle` refuses the file
 * part-way (its type, its size), the rest of the body is drained (or the connection closed, for a
 * body far too large) so the client reads the answer.
 */
export function receiveFile<T>(
  request: Request,
  options: ReceiveFileOptions,
  handle: (file: IncomingFile, fields: Record<string, string>) => Promise<T>,
): Promise<T> {
  const { maxBytes, fileField = 'file', fields: allowed = [] } = options;
  if (!request.is('multipart/form-data')) return Promise.reject(new AppError(options.notMultipart));
  const limit = maxBytes + MULTIPART_OVERHEAD * (1 + allowed.length);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    drain(request, limit);
    return Promise.reject(new AppError(options.tooLarge, [{ field: fileField, message: options.tooLarge.message }]));
  }

  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: {
          files: 2,
          fields: allowed.length + 1,
          fileSize: maxBytes + 1,
          parts: allowed.length + 2,
          fieldNameSize: 100,
          fieldSize: MULTIPART_OVERHEAD,
        },
      });
    } catch {
      reject(new AppError(options.notMultipart));
      return;
    }
    let settled = false;
    let handling: Promise<T> | undefined;
    const received: Record<string, string> = {};
    const onlyThese = allowed.length ? `"${fileField}" and ${allowed.map((f) => `"${f}"`).join(', ')}` : `"${fileField}"`;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      drain(request, limit);
      reject(error);
    };

    parser.on('file', (name, stream, info) => {
      if (name !== fileField) {
        stream.resume();
        fail(fieldError(name, `${name} is not a field of this upload: send the file in "${fileField}"`));
        return;
      }
      // A form's second file input left empty (the upload page's "Take a photo" beside "Choose a file").
      if (!info.filename) {
        stream.resume();
        return;
      }
      if (handling) {
        stream.resume();
        fail(fieldError(fileField, `Send one file, in "${fileField}", and nothing else`));
        return;
      }
      handling = handle({ fileName: info.filename, stream }, { ...received });
      handling.then(
        (value) => {
          if (settled) return;
          settled = true;
          resolve(value);
        },
        (error) => {
          stream.resume();
          fail(error);
        },
      );
    });
    parser.on('field', (name, value, info) => {
      if (!allowed.includes(name) || Object.hasOwn(received, name)) {
        fail(fieldError(name, `${name} is not a field of this upload: send only ${onlyThese}`));
      } else if (handling) {
        fail(fieldError(name, `${name} must come before "${fileField}" in the upload`));
      } else if (info.valueTruncated) {
        fail(fieldError(name, `${name} is too long`));
      } else {
        received[name] = value;
      }
    });
    parser.on('partsLimit', () => fail(fieldError(fileField, `Send one file, in "${fileField}", and nothing else`)));
    parser.on('filesLimit', () => fail(fieldError(fileField, `Send one file, in "${fileField}", and nothing else`)));
    parser.on('fieldsLimit', () => fail(fieldError(fileField, `Send only ${onlyThese}`)));
    parser.on('error', () => fail(fieldError(fileField, 'The upload is not a valid multipart body')));
    parser.on('close', () => {
      if (!handling) fail(fieldError(fileField, `${fileField} is required: choose a file to upload`));
    });
    request.on('aborted', () => fail(fieldError(fileField, 'The upload was cut off')));
    request.pipe(parser);
  });
}

/** Reads what is left of a refused body into nothing, so the client gets to read the answer; past `limit` bytes, closes the connection. */
function drain(request: Request, limit: number): void {
  let drained = 0;
  request.on('data', (piece: Buffer) => {
    drained += piece.length;
    if (drained > limit) request.destroy();
  });
  request.resume();
}
