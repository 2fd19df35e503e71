import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BASE_NOTICE_LANGUAGE,
  INQUIRY_LIMITS,
  LEAD_MODES,
  missingNoticeParts,
  normaliseNotice,
  noticePartLabel,
  PROGRAM_LEVELS,
  type ConsentNoticeVersion,
  type NoticeTexts,
  type PublicFormConfig,
  type WebsiteCourse,
  type WebsiteFormSettings as WebsiteFormSettingsWire,
  type WebsiteFormSettingsBody,
} from '@advisordesk/shared';
import {
  AllowedOrigins,
  APP_CONFIG,
  AppError,
  CommonErrors,
  EventBus,
  queryMaybeOne,
  queryOne,
  queryRows,
  type AppConfig,
} from '@advisordesk/api-core';
import { translationProblems } from './dto/consent-notice.dto';

/** Raised when an admin saves the settings: every instance reloads its allowed origins and courses. */
export const WEBSITE_FORM_CHANGED = 'website_form.changed';

/** The notice and the settings as the API answers them: the website form contract's, with the database's `Date`s. */
export type ConsentNotice = ConsentNoticeVersion<Date>;
export type WebsiteFormSettings = WebsiteFormSettingsWire<Date>;

const NOTICE_COLUMNS = `version, text, url, data, purposes, withdrawal, rights, board, contact, translations, created_at AS "createdAt"`;

/** The Quick Inquiry form's options, consent notice (versioned) and allowed website origins, kept by admins. */
@Injectable()
export class WebsiteFormService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly origins: AllowedOrigins,
    private readonly events: EventBus,
  ) {}

  /** Listens for changes saved on any instance first, then reads the settings, so that none is missed in between. */
  async onApplicationBootstrap(): Promise<void> {
    await this.events.subscribe(WEBSITE_FORM_CHANGED, () => this.reload());
    this.events.onResume(() => this.reload());
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.coursesCache = null;
    this.origins.setManaged((await this.stored()).allowedOrigins);
  }

  async currentNotice(): Promise<ConsentNotice> {
    const [notice] = await queryRows<ConsentNotice>(this.dataSource, `SELECT ${NOTICE_COLUMNS} FROM consent_notices ORDER BY version DESC LIMIT 1`);
    return notice;
  }

  async noticeExists(version: number): Promise<boolean> {
    return (await queryRows<unknown>(this.dataSource, `SELECT 1 FROM consent_notices WHERE version = $1`, [version])).length > 0;
  }

  /** The languages a notice version (the current one when none is named) can be read in: English first. */
  async noticeLanguages(version?: number): Promise<string[]> {
    const row = await queryMaybeOne<{ codes: string[] }>(
      this.dataSource,
      `SELECT ARRAY(SELECT jsonb_object_keys(translations) ORDER BY 1) AS codes FROM consent_notices
        WHERE version = COALESCE($1, (SELECT max(version) FROM consent_notices))`,
      [version ?? null],
    );
    return row ? [BASE_NOTICE_LANGUAGE.code, ...row.codes] : [];
  }

  /** What the public form needs to render itself, with the notice in `language` when it has that translation (else English). */
  async publicConfig(language?: string): Promise<PublicFormConfig> {
    const [{ courses }, notice] = await Promise.all([this.stored(), this.currentNotice()]);
    const translations = new Map(Object.entries(notice.translations));
    const shown = language !== undefined && translations.has(language) ? language : BASE_NOTICE_LANGUAGE.code;
    const texts: NoticeTexts = translations.get(shown) ?? notice;
    return {
      courses: courses.map((course) => course.name),
      courseDetails: courses,
      levels: PROGRAM_LEVELS,
      modes: LEAD_MODES,
      limits: INQUIRY_LIMITS,
      notice: {
        version: notice.version,
        language: shown,
        languages: [BASE_NOTICE_LANGUAGE.code, ...[...translations.keys()].sort()],
        text: texts.text,
        data: texts.data,
        purposes: texts.purposes,
        withdrawal: texts.withdrawal,
        rights: texts.rights,
        board: texts.board,
        contact: notice.contact,
        url: notice.url,
      },
    };
  }

  async settings(): Promise<WebsiteFormSettings> {
    const [stored, notice] = await Promise.all([this.stored(), this.currentNotice()]);
    const base = this.config.publicUrl;
    return {
      ...stored,
      notice,
      hostedUrl: `${base}/inquiry`,
      embedSnippet: `<script src="${base}/embed.js" data-advisordesk-form async></script>`,
      iframeSnippet: `<iframe src="${base}/inquiry" title="Quick Inquiry" style="width:100%;max-width:480px;height:1300px;border:0" loading="lazy"></iframe>`,
    };
  }

  /**
   * A notice must be complete (every part, the contact, each translation's texts); any change of
   * it (a part, the link, the contact, a translation) becomes a new version; leads keep the version
   * they were shown.
   */
  async update(userId: string, body: WebsiteFormSettingsBody): Promise<WebsiteFormSettings> {
    const problems = translationProblems(body.notice.translations);
    if (!problems.length)
      for (const part of missingNoticeParts(body.notice))
        problems.push({ field: `notice.${part}`, message: `notice.${part} is required: the notice must say its ${noticePartLabel(part)}` });
    if (problems.length) throw new AppError(CommonErrors.validation, problems, problems.map((p) => p.message).join('; '));
    const notice = normaliseNotice(body.notice);
    const allowedOrigins = [...new Set(body.allowedOrigins.map((o) => o.trim().replace(/\/$/, '')))];
    const seen = new Set<string>();
    const courses: WebsiteCourse[] = [];
    for (const course of body.courses) {
      const name = course.name.trim();
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      courses.push({ name, level: course.level ?? null, mode: course.mode ?? null });
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_settings SET value = $1, updated_at = now() WHERE key = 'websiteForm'`, [
        JSON.stringify({ courses, allowedOrigins }),
      ]);
      const current = await queryOne<ConsentNotice>(
        manager,
        `SELECT ${NOTICE_COLUMNS} FROM consent_notices ORDER BY version DESC LIMIT 1 FOR UPDATE`,
      );
      if (JSON.stringify(normaliseNotice(current)) !== JSON.stringify(notice)) {
        await manager.query(
          `INSERT INTO consent_notices (version, text, url, data, purposes, withdrawal, rights, board, contact, translations, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            current.version + 1,
            notice.text,
            notice.url,
            JSON.stringify(notice.data),
            JSON.stringify(notice.purposes),
            notice.withdrawal,
            notice.rights,
            notice.board,
            JSON.stringify(notice.contact),
            JSON.stringify(notice.translations),
            userId,
          ],
        );
      }
    });
    this.origins.setManaged(allowedOrigins);
    this.coursesCache = null;
    await this.events.publish(WEBSITE_FORM_CHANGED, {});
    return this.settings();
  }

  private coursesCache: { courses: WebsiteCourse[]; until: number } | null = null;

  /** The offered courses, for the intake's mapping of typed course interests (read at most every 10 seconds). */
  async courses(): Promise<WebsiteCourse[]> {
    if (this.coursesCache && this.coursesCache.until > Date.now()) return this.coursesCache.courses;
    const { courses } = await this.stored();
    this.coursesCache = { courses, until: Date.now() + 10_000 };
    return courses;
  }

  private async stored(): Promise<{ courses: WebsiteCourse[]; allowedOrigins: string[] }> {
    const row = await queryMaybeOne<{ value: Partial<{ courses: WebsiteCourse[]; allowedOrigins: string[] }> }>(
      this.dataSource,
      `SELECT value FROM app_settings WHERE key = 'websiteForm'`,
    );
    return { courses: row?.value?.courses ?? [], allowedOrigins: row?.value?.allowedOrigins ?? [] };
  }
}
