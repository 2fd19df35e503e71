import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Request } from 'express';
import {
  documentStillNeeded,
  firstNameOf,
  UPLOAD_LINK_VALID_DAYS,
  waDigits,
  type ComparisonContact,
  type DocumentStatus,
  type PublicUploadView,
  type UploadLinkView as UploadLinkWire,
} from '@advisordesk/shared';
import {
  APP_CONFIG,
  AppError,
  isPublicToken,
  newPublicToken,
  publicContact,
  queryMaybeOne,
  queryRows,
  RateLimits,
  type AppConfig,
  type RateLimit,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { recordActivity } from '@advisordesk/api-leads';
import { ApplicationErrors } from '../applications.errors';
import { APPLICATION_ACCESS_COLUMNS, APPLICATION_ACCESS_FROM } from '../applications.sql';
import { ApplicationsService, type ApplicationAccess } from '../applications.service';
import { DocumentsService } from '../documents/documents.service';

export type UploadLinkView = UploadLinkWire<Date>;

/** What a link opens: its application and the first name, nothing else of the lead. */
interface LinkTarget extends ApplicationAccess {
  fullName: string;
  expiresAt: Date;
}

/**
 * The student's upload link: a 7-day token for one application. The page shows the first name,
 * the program and the checklist's labels and states; it uploads only what is missing or rejected.
 * Unknown (or erased) 404, expired 410; uploads are rate-limited per address like the inquiry form.
 */
@Injectable()
export class UploadLinksService {
  private readonly perAddress: RateLimit;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly documents: DocumentsService,
    limits: RateLimits,
  ) {
    this.perAddress = limits.limiter('student-upload', {
      points: config.inquiryRateLimit,
      durationSec: 60,
      message: 'Too many uploads from this address: please try again in a minute',
    });
  }

  async create(user: AuthUser, applicationId: string): Promise<UploadLinkView> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.access(user, applicationId, manager, { write: true });
      const token = newPublicToken();
      const expiresAt = new Date(Date.now() + UPLOAD_LINK_VALID_DAYS * 86_400_000);
      await manager.query(`INSERT INTO upload_links (application_id, token, created_by, expires_at) VALUES ($1, $2, $3, $4)`, [
        applicationId,
        token,
        user.id,
        expiresAt,
      ]);
      const [lead] = await queryRows<{ fullName: string; phone: string | null }>(
        manager,
        `SELECT full_name AS "fullName", phone FROM leads WHERE id = $1`,
        [application.leadId],
      );
      await recordActivity(manager, application.leadId, 'application', user.id, {
        action: 'upload_link',
        applicationId,
        program: application.program,
      });
      const url = `${this.config.publicUrl}/u/${token}`;
      const message =
        `Hi ${firstNameOf(lead.fullName)}, to complete your application to ${application.programName} (${application.universityName}), ` +
        `please upload your documents here from your phone: ${url}\nThe link works for ${UPLOAD_LINK_VALID_DAYS} days.\n— ${user.name}`;
      const whatsappUrl = lead.phone ? `https://wa.me/${waDigits(lead.phone)}?text=${encodeURIComponent(message)}` : null;
      return { token, url, expiresAt, whatsappUrl };
    });
  }

  /** The page's data: the first name, the program, and the checklist (labels and states only). */
  async publicView(token: string): Promise<PublicUploadView> {
    const target = await this.target(token);
    const documents = await queryRows<{ id: string; label: string; required: boolean; status: DocumentStatus }>(
      this.dataSource,
      `SELECT id, label, required, status FROM application_documents WHERE application_id = $1 ORDER BY position, id`,
      [target.id],
    );
    return {
      firstName: firstNameOf(target.fullName),
      program: target.programName,
      university: target.universityName,
      documents,
      expiresAt: target.expiresAt.toISOString(),
    };
  }

  /** The student uploads a missing or rejected document (checked before a byte of the file is read). */
  async upload(token: string, documentId: string, request: Request): Promise<{ id: string; label: string; status: DocumentStatus }> {
    await this.perAddress.hit(request.ip ?? 'unknown');
    const target = await this.target(token);
    const document = await queryMaybeOne<{ status: DocumentStatus }>(
      this.dataSource,
      `SELECT status FROM application_documents WHERE id = $1 AND application_id = $2`,
      [documentId, target.id],
    );
    if (!document) throw new AppError(ApplicationErrors.documentNotFound);
    if (!documentStillNeeded(document.status)) throw new AppError(ApplicationErrors.nothingToUpload);
    const stored = await this.documents.store(target, documentId, request, { via: 'student' });
    await this.dataSource.query(`UPDATE upload_links SET last_used_at = now() WHERE token = $1`, [token]);
    return { id: stored.id, label: stored.label, status: stored.status };
  }

  /** The advisor of the link's lead, for the page's "ask your advisor" (also on an expired link). */
  async contactFor(token: string): Promise<ComparisonContact | null> {
    const row = isPublicToken(token)
      ? await queryMaybeOne<{ name: string; phone: string | null }>(
          this.dataSource,
          `SELECT u.name, u.phone FROM upload_links k JOIN applications a ON a.id = k.application_id JOIN leads l ON l.id = a.lead_id
         JOIN users u ON u.id = l.advisor_id AND u.active WHERE k.token = $1 AND l.erased_at IS NULL`,
          [token],
        )
      : undefined;
    return publicContact(this.config.supportPhone, row?.name ?? null, row?.phone ?? null);
  }

  private async target(token: string): Promise<LinkTarget> {
    if (!isPublicToken(token)) throw new AppError(ApplicationErrors.linkNotFound);
    const row = await queryMaybeOne<LinkTarget>(
      this.dataSource,
      `SELECT ${APPLICATION_ACCESS_COLUMNS}, l.full_name AS "fullName", k.expires_at AS "expiresAt"
         FROM ${APPLICATION_ACCESS_FROM} JOIN upload_links k ON k.application_id = a.id
        WHERE k.token = $1 AND l.erased_at IS NULL`,
      [token],
    );
    if (!row) throw new AppError(ApplicationErrors.linkNotFound);
    if (new Date(row.expiresAt).getTime() <= Date.now()) throw new AppError(ApplicationErrors.linkExpired);
    return row;
  }
}
