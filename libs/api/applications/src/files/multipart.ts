import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { UPLOAD_FIELD } from '@advisordesk/shared';
import { AppError, fieldError } from '@advisordesk/api-core';
import { ApplicationErrors } from '../applications.errors';

/** What a multipart body may add around its file (boundaries, part headers) before it is too large outright. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The OpenAPI body of an upload: one file in the field `file`. */
export const FILE_BODY = { schema: { type: 'object' as const, properties: { [UPLOAD_FIELD]: { type: 'string' as const, format: 'binary' } } } };

export interface IncomingFile {
  /** The name the browser sent (not to be trusted: see `safeFileName`). */
  fileName: string | undefined;
  stream: Readable;
}

/**
 * Streams the one file of a `multipart/form-data` body (field `file`) into `handle`, without
 * holding it: busboy hands the bytes over as they arrive. Any other field is a 400 naming it; no
 * file (or only an empty file input) a 400 on `file`, two files a 400; a body whose declared length is already too large a 413 before a byte is
 * read. When `handle` refuses the file part-way (its type, its size), the rest of the body is
 * drained (or the connection closed, for a body far too large) so the client reads the answer.
 */
export function receiveFile<T>(request: Request, maxBytes: number, handle: (file: IncomingFile) => Promise<T>): Promise<T> {
  if (!request.is('multipart/form-data')) return Promise.reject(new AppError(ApplicationErrors.notMultipart));
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) {
    drain(request, maxBytes + MULTIPART_OVERHEAD);
    return Promise.reject(new AppError(ApplicationErrors.fileTooLarge, [{ field: UPLOAD_FIELD, message: ApplicationErrors.fileTooLarge.message }]));
  }

  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { files: 2, fields: 1, fileSize: maxBytes + 1, parts: 2, fieldNameSize: 100 } });
    } catch {
      reject(new AppError(ApplicationErrors.notMultipart));
      return;
    }
    let settled = false;
    let handling: Promise<T> | undefined;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      drain(request, maxBytes + MULTIPART_OVERHEAD);
      reject(error);
    };

    parser.on('file', (name, stream, info) => {
      if (name !== UPLOAD_FIELD) {
        stream.resume();
        fail(fieldError(name, `${name} is not a field of this upload: send the file in "${UPLOAD_FIELD}"`));
        return;
      }
      // A form's second file input left empty (the upload page's "Take a photo" beside "Choose a file").
      if (!info.filename) {
        stream.resume();
        return;
      }
      if (handling) {
        stream.resume();
        fail(fieldError(UPLOAD_FIELD, `Send one file, in "${UPLOAD_FIELD}", and nothing else`));
        return;
      }
      handling = handle({ fileName: info.filename, stream });
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
    parser.on('field', (name) => fail(fieldError(name, `${name} is not a field of this upload: send only "${UPLOAD_FIELD}"`)));
    parser.on('partsLimit', () => fail(fieldError(UPLOAD_FIELD, `Send one file, in "${UPLOAD_FIELD}", and nothing else`)));
    parser.on('filesLimit', () => fail(fieldError(UPLOAD_FIELD, `Send one file, in "${UPLOAD_FIELD}", and nothing else`)));
    parser.on('fieldsLimit', () => fail(fieldError(UPLOAD_FIELD, `Send only "${UPLOAD_FIELD}"`)));
    parser.on('error', () => fail(fieldError(UPLOAD_FIELD, 'The upload is not a valid multipart body')));
    parser.on('close', () => {
      if (!handling) fail(fieldError(UPLOAD_FIELD, `${UPLOAD_FIELD} is required: choose a file to upload`));
    });
    request.on('aborted', () => fail(fieldError(UPLOAD_FIELD, 'The upload was cut off')));
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
