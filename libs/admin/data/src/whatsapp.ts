import { useOne } from '@refinedev/core';
import type { WhatsappConnection, WhatsappSettings } from '@advisordesk/shared';
import type { ApiRequestError } from './api-error';

/** `GET /api/whatsapp/connection`: one record of the whatsapp resource. */
export const WHATSAPP_CONNECTION = { resource: 'whatsapp', id: 'connection' } as const;

/** `GET|PUT /api/settings/whatsapp`: one record of the settings resource. */
export const WHATSAPP_SETTINGS = { resource: 'settings', id: 'whatsapp' } as const;

/** Where the WhatsApp settings live (the settings page's section). */
export const WHATSAPP_SETTINGS_PATH = '/settings#whatsapp';

/** Whether AdvisorDesk sends WhatsApp messages itself, and the last check of the connection. */
export function useWhatsappConnection(enabled = true) {
  const { query } = useOne<WhatsappConnection, ApiRequestError>({ ...WHATSAPP_CONNECTION, errorNotification: false, queryOptions: { enabled } });
  return query;
}

/** The templates AdvisorDesk sends (for admins, who edit them, and managers, who read them). */
export function useWhatsappSettings(enabled = true) {
  const { query } = useOne<WhatsappSettings, ApiRequestError>({ ...WHATSAPP_SETTINGS, errorNotification: false, queryOptions: { enabled } });
  return query;
}
