import { DEFAULT_RETENTION, type RetentionSettings } from '@advisordesk/shared';
import { queryMaybeOne, type Queryable } from '@advisordesk/api-core';

/** `app_settings` key `retention`: the admins' choices over the defaults (36 months inactive, 7 years enrolled, off, 30 days to answer). */
export async function retentionSettings(db: Queryable): Promise<RetentionSettings> {
  const row = await queryMaybeOne<{ value: Partial<RetentionSettings> }>(db, `SELECT value FROM app_settings WHERE key = 'retention'`);
  return { ...DEFAULT_RETENTION, ...row?.value };
}
