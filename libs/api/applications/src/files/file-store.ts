import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UploadContentType } from '@advisordesk/shared';
import { AppError, queryMaybeOne, type Queryable } from '@advisordesk/api-core';
import { ApplicationErrors } from '../applications.errors';
import { SNIFF_BYTES, sniffFileType } from './file-type';

/** Files are written and read in pieces of this size: an upload or a download never holds a whole file. */
export const CHUNK_BYTES = 256 * 1024;

export interface StoredFile {
  id: string;
  size: number;
  contentType: UploadContentType;
  /** The extension of what the file really is (`pdf`, `jpg`, `png`). */
  extension: string;
  sha256: string;
}

/**
 * Uploaded files in PostgreSQL (`stored_files` + `stored_file_chunks`), where every app instance
 * reaches them and the database's backup holds them. Each 256 KB chunk is its own short statement,
 * so a slow upload from a phone holds no connection and no transaction while it trickles in; a file
 * that no document points to (an upload cut off half way, a replaced file) is swept by the hour.
 */
@Injectable()
export class FileStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reads `source` to its end and stores it, deciding its type from its first bytes: a PDF, JPEG or
   * PNG is kept; anything else is a 415 naming what it is, more than `maxBytes` a 413. A refused
   * file leaves nothing behind.
   */
  async save(source: AsyncIterable<Buffer>, maxBytes: number): Promise<StoredFile> {
    const id = randomUUID();
    const hash = createHash('sha256');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let chunks = 0;
    let type: { contentType: UploadContentType; extension: string } | undefined;

    const decideType = async () => {
      const sniffed = sniffFileType(Buffer.concat(pending).subarray(0, SNIFF_BYTES));
      if (!sniffed.accepted) {
        throw new AppError(
          ApplicationErrors.unsupportedFile,
          [{ field: 'file', message: `This is ${sniffed.what}` }],
          `This file is ${sniffed.what}: upload a PDF, JPEG or PNG`,
          {
            detected: sniffed.what,
          },
        );
      }
      type = sniffed;
      await this.dataSource.query(`INSERT INTO stored_files (id, content_type, size) VALUES ($1, $2, 0)`, [id, sniffed.contentType]);
      return sniffed;
    };
    const write = async (data: Buffer) => {
      await this.dataSource.query(`INSERT INTO stored_file_chunks (file_id, n, data) VALUES ($1, $2, $3)`, [id, chunks++, data]);
    };

    try {
      for await (const piece of source) {
        size += piece.length;
        if (size > maxBytes) throw new AppError(ApplicationErrors.fileTooLarge, [{ field: 'file', message: ApplicationErrors.fileTooLarge.message }]);
        hash.update(piece);
        pending.push(piece);
        pendingBytes += piece.length;
        if (!type && pendingBytes >= SNIFF_BYTES) await decideType();
        if (type && pendingBytes >= CHUNK_BYTES) {
          let all = Buffer.concat(pending);
          while (all.length >= CHUNK_BYTES) {
            await write(all.subarray(0, CHUNK_BYTES));
            all = all.subarray(CHUNK_BYTES);
          }
          pending = all.length ? [all] : [];
          pendingBytes = all.length;
        }
      }
      const decided = type ?? (await decideType());
      if (pendingBytes > 0) await write(Buffer.concat(pending));
      const sha256 = hash.digest();
      await this.dataSource.query(`UPDATE stored_files SET size = $2, sha256 = $3 WHERE id = $1`, [id, size, sha256]);
      return { id, size, sha256: sha256.toString('hex'), ...decided };
    } catch (error) {
      if (type) await this.dataSource.query(`DELETE FROM stored_files WHERE id = $1`, [id]).catch(() => undefined);
      throw error;
    }
  }

  /** A stored file's bytes, chunk by chunk (each read is its own short query). */
  async *read(id: string): AsyncGenerator<Buffer> {
    for (let n = 0; ; n++) {
      const row = await queryMaybeOne<{ data: Buffer }>(this.dataSource, `SELECT data FROM stored_file_chunks WHERE file_id = $1 AND n = $2`, [
        id,
        n,
      ]);
      if (!row) return;
      yield row.data;
    }
  }

  /** Deletes files (with their chunks), e.g. inside the transaction that detaches them. */
  async remove(db: Queryable, ids: string[]): Promise<void> {
    if (ids.length) await db.query(`DELETE FROM stored_files WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
