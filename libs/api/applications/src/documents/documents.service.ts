import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Request, Response } from 'express';
import { documentStillNeeded, UPLOAD_FIELD, UPLOAD_MAX_BYTES, type DocumentStatus, type DocumentView as DocumentWire } from '@advisordesk/shared';
import {
  AppError,
  attachmentDisposition,
  errorOnField,
  queryMaybeOne,
  queryOne,
  queryRows,
  receiveFile,
  type Queryable,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { recordActivity } from '@advisordesk/api-leads';
import { ApplicationErrors } from '../applications.errors';
import { ApplicationsService, type ApplicationAccess } from '../applications.service';
import type { AddDocumentDto, ReviewDocumentDto } from '../dto/applications.dto';
import { FileStore } from '../files/file-store';
import { safeFileName } from '../files/file-type';

export type DocumentView = DocumentWire<Date>;

const DOCUMENT_COLUMNS = `d.id, d.application_id AS "applicationId", d.kind, d.label, d.required, d.status, d.file_name AS "fileName",
  d.content_type AS "contentType", d.size, d.uploaded_at AS "uploadedAt", d.uploaded_via AS "uploadedVia",
  d.reviewed_by AS "reviewedById", r.name AS "reviewedByName", d.reviewed_at AS "reviewedAt", d.note`;
const DOCUMENT_FROM = `application_documents d LEFT JOIN users r ON r.id = d.reviewed_by`;

/** Who is uploading: a member of staff in the panel, or the student through their link. */
export type Uploader = { via: 'staff'; user: AuthUser } | { via: 'student' };

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly files: FileStore,
  ) {}

  async list(user: AuthUser, applicationId: string): Promise<DocumentView[]> {
    await this.applications.access(user, applicationId);
    return this.documentsOf(this.dataSource, applicationId);
  }

  documentsOf(db: Queryable, applicationId: string): Promise<DocumentView[]> {
    return queryRows<DocumentView>(db, `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.application_id = $1 ORDER BY d.position, d.id`, [
      applicationId,
    ]);
  }

  /** A document the checklist did not have (the university asked for one more). */
  async add(user: AuthUser, applicationId: string, body: AddDocumentDto): Promise<DocumentView> {
    await this.applications.access(user, applicationId, this.dataSource, { write: true });
    const { id } = await queryOne<{ id: string }>(
      this.dataSource,
      `INSERT INTO application_documents (application_id, position, kind, label, required)
       SELECT $1, COALESCE(max(position) + 1, 0), $2, $3, $4 FROM application_documents WHERE application_id = $1 RETURNING id`,
      [applicationId, body.kind, body.label.trim(), body.required],
    );
    return this.one(this.dataSource, applicationId, id);
  }

  /** Staff upload (or replace) a document's file from the panel. */
  async upload(user: AuthUser, applicationId: string, documentId: string, request: Request): Promise<DocumentView> {
    const application = await this.applications.access(user, applicationId, this.dataSource, { write: true });
    await this.one(this.dataSource, applicationId, documentId);
    return this.store(application, documentId, request, { via: 'staff', user });
  }

  /**
   * Streams the request's file into the store (type by its bytes, at most 10 MB), then, in one
   * transaction, attaches it to the document (waiting for review again), deletes the file it
   * replaces and writes the timeline entry. A student may upload only what is missing or rejected.
   */
  async store(application: ApplicationAccess, documentId: string, request: Request, uploader: Uploader): Promise<DocumentView> {
    const stored = await receiveFile(
      request,
      { maxBytes: UPLOAD_MAX_BYTES, fileField: UPLOAD_FIELD, notMultipart: ApplicationErrors.notMultipart, tooLarge: ApplicationErrors.fileTooLarge },
      (file) => this.files.save(file.stream, UPLOAD_MAX_BYTES).then((saved) => ({ saved, sent: file.fileName })),
    );
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await queryMaybeOne<{ status: DocumentStatus; fileId: string | null; label: string }>(
          manager,
          `SELECT status, file_id AS "fileId", label FROM application_documents WHERE id = $1 AND application_id = $2 FOR UPDATE`,
          [documentId, application.id],
        );
        if (!current) throw new AppError(ApplicationErrors.documentNotFound);
        if (uploader.via === 'student' && !documentStillNeeded(current.status)) throw new AppError(ApplicationErrors.nothingToUpload);
        const fileName = safeFileName(stored.sent, stored.saved.extension);
        const userId = uploader.via === 'staff' ? uploader.user.id : null;
        await manager.query(
          `UPDATE application_documents SET file_id = $3, file_name = $4, content_type = $5, size = $6, status = 'uploaded',
                  uploaded_at = now(), uploaded_by = $7, uploaded_via = $8, reviewed_by = NULL, reviewed_at = NULL, note = NULL
            WHERE id = $1 AND application_id = $2`,
          [documentId, application.id, stored.saved.id, fileName, stored.saved.contentType, stored.saved.size, userId, uploader.via],
        );
        if (current.fileId) await this.files.remove(manager, [current.fileId]);
        await recordActivity(manager, application.leadId, 'application', userId, {
          action: 'document_uploaded',
          applicationId: application.id,
          documentId,
          program: application.program,
          label: current.label,
          via: uploader.via,
        });
        return this.one(manager, application.id, documentId);
      });
    } catch (error) {
      await this.files.remove(this.dataSource, [stored.saved.id]).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The file, as an attachment (never shown inline: a browser must not run what a student uploaded),
   * streamed chunk by chunk, under the lead's access rules.
   */
  async download(user: AuthUser, applicationId: string, documentId: string, response: Response): Promise<void> {
    await this.applications.access(user, applicationId);
    const file = await queryMaybeOne<{ fileId: string | null; fileName: string; contentType: string; size: number }>(
      this.dataSource,
      `SELECT d.file_id AS "fileId", d.file_name AS "fileName", f.content_type AS "contentType", f.size
         FROM application_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.id = $1 AND d.application_id = $2`,
      [documentId, applicationId],
    );
    if (!file?.fileId) {
      await this.one(this.dataSource, applicationId, documentId);
      throw new AppError(ApplicationErrors.fileNotFound);
    }
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Length', String(file.size));
    response.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    // One chunk read ahead at a time: a download holds 256 KB, not the 16 chunks an object stream buffers by default.
    await pipeline(Readable.from(this.files.read(file.fileId), { highWaterMark: 1 }), response);
  }

  /** Verified, or rejected with the reason the student will be told. */
  async review(user: AuthUser, applicationId: string, documentId: string, body: ReviewDocumentDto): Promise<DocumentView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.access(user, applicationId, manager, { write: true });
      const current = await queryMaybeOne<{ status: DocumentStatus; label: string }>(
        manager,
        `SELECT status, label FROM application_documents WHERE id = $1 AND application_id = $2 FOR UPDATE`,
        [documentId, applicationId],
      );
      if (!current) throw new AppError(ApplicationErrors.documentNotFound);
      if (current.status === 'missing') throw new AppError(ApplicationErrors.fileNotFound);
      const note = body.note?.trim() || null;
      if (body.status === 'rejected' && !note) throw errorOnField(ApplicationErrors.rejectionNeedsNote, 'note');
      await manager.query(
        `UPDATE application_documents SET status = $3, note = $4, reviewed_by = $5, reviewed_at = now() WHERE id = $1 AND application_id = $2`,
        [documentId, applicationId, body.status, note, user.id],
      );
      await recordActivity(manager, application.leadId, 'application', user.id, {
        action: 'document_reviewed',
        applicationId,
        documentId,
        program: application.program,
        label: current.label,
        status: body.status,
        ...(note ? { note } : {}),
      });
      return this.one(manager, applicationId, documentId);
    });
  }

  async one(db: Queryable, applicationId: string, documentId: string): Promise<DocumentView> {
    const row = await queryMaybeOne<DocumentView>(db, `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.id = $1 AND d.application_id = $2`, [
      documentId,
      applicationId,
    ]);
    if (!row) throw new AppError(ApplicationErrors.documentNotFound);
    return row;
  }
}
