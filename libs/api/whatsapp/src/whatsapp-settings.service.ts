import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DEFAULT_WHATSAPP_SETTINGS, type WhatsappConnection, type WhatsappSettings } from '@advisordesk/shared';
import { AppError, queryMaybeOne } from '@advisordesk/api-core';
import { explainWhatsappError } from '@advisordesk/shared';
import { CloudApiClient } from './cloud-api.client';
import { WhatsappErrors } from './whatsapp.errors';

type ConnectionCheck = NonNullable<WhatsappConnection['check']>;

/** `app_settings` key `whatsapp`: the settings, and the last connection check beside them. */
interface StoredWhatsapp extends Partial<WhatsappSettings> {
  lastCheck?: ConnectionCheck | null;
}

@Injectable()
export class WhatsappSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly client: CloudApiClient,
  ) {}

  private async stored(): Promise<StoredWhatsapp> {
    const row = await queryMaybeOne<{ value: StoredWhatsapp }>(this.dataSource, `SELECT value FROM app_settings WHERE key = 'whatsapp'`);
    return row?.value ?? {};
  }

  async settings(): Promise<WhatsappSettings> {
    const stored = await this.stored();
    return {
      comparisonTemplate: stored.comparisonTemplate ?? DEFAULT_WHATSAPP_SETTINGS.comparisonTemplate,
      welcomeTemplate: stored.welcomeTemplate ?? DEFAULT_WHATSAPP_SETTINGS.welcomeTemplate,
      welcomeEnabled: stored.welcomeEnabled ?? DEFAULT_WHATSAPP_SETTINGS.welcomeEnabled,
      codeTemplate: stored.codeTemplate ?? DEFAULT_WHATSAPP_SETTINGS.codeTemplate,
    };
  }

  async update(body: WhatsappSettings): Promise<WhatsappSettings> {
    if (body.welcomeEnabled && !body.welcomeTemplate)
      throw new AppError(WhatsappErrors.welcomeNeedsTemplate, [{ field: 'welcomeTemplate', message: WhatsappErrors.welcomeNeedsTemplate.message }]);
    const value: WhatsappSettings = {
      comparisonTemplate: { name: body.comparisonTemplate.name, language: body.comparisonTemplate.language },
      welcomeTemplate: body.welcomeTemplate ? { name: body.welcomeTemplate.name, language: body.welcomeTemplate.language } : null,
      welcomeEnabled: body.welcomeEnabled,
      codeTemplate: { name: body.codeTemplate.name, language: body.codeTemplate.language },
    };
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('whatsapp', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = app_settings.value || EXCLUDED.value, updated_at = now()`,
      [JSON.stringify(value)],
    );
    return this.settings();
  }

  async connection(): Promise<WhatsappConnection<Date | string>> {
    if (!this.client.configured) return { configured: false, check: null };
    return { configured: true, check: (await this.stored()).lastCheck ?? null };
  }

  /** Asks Meta for the phone number with the token: both right → the number and the verified name; else why, in words. */
  async check(): Promise<WhatsappConnection<Date | string>> {
    if (!this.client.configured) throw new AppError(WhatsappErrors.notConfigured);
    const answer = await this.client.phoneNumber();
    const check: ConnectionCheck = answer.ok
      ? {
          ok: true,
          at: new Date().toISOString(),
          displayPhoneNumber: answer.body.display_phone_number ?? null,
          verifiedName: answer.body.verified_name ?? null,
          error: null,
        }
      : {
          ok: false,
          at: new Date().toISOString(),
          displayPhoneNumber: null,
          verifiedName: null,
          error:
            answer.error.code === 100 && answer.status === 400
              ? 'The phone number id is not one this token can use: check WHATSAPP_PHONE_NUMBER_ID'
              : explainWhatsappError(answer.error.code, answer.error.title),
        };
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('whatsapp', jsonb_build_object('lastCheck', $1::jsonb))
       ON CONFLICT (key) DO UPDATE SET value = app_settings.value || jsonb_build_object('lastCheck', $1::jsonb), updated_at = now()`,
      [JSON.stringify(check)],
    );
    return { configured: true, check };
  }
}
