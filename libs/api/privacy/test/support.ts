import { queryOne } from '@advisordesk/api-core';
import type { TestApp } from '@advisordesk/api-database/testing';
import type { CloudApiStandIn } from '@advisordesk/api-whatsapp/testing';

export const FAST = { JOBS_POLLING_SECONDS: '0.5', JOBS_CRON_INTERVAL_SECONDS: '1', INQUIRY_RATE_LIMIT: '100000', DATA_REQUEST_RATE_LIMIT: '1000' };

let counter = 0;
/** A fresh Indian mobile number (digits as typed: 10, starting with 9). */
export function newPhone(): string {
  counter++;
  return `9${String((Date.now() % 10_000_000) * 100 + (counter % 100))
    .padStart(9, '0')
    .slice(-9)}`;
}

export async function until<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  seconds = 15,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A lead with the given columns (phone E.164 from `phone` digits). */
export async function insertLead(t: TestApp, phone: string, columns: Record<string, unknown> = {}): Promise<string> {
  const fields = { full_name: 'Kavya Iyer', phone: `+91${phone}`, consent_whatsapp: true, ...columns };
  const keys = Object.keys(fields);
  const { id } = await queryOne<{ id: string }>(
    t.dataSource,
    `INSERT INTO leads (reference, ${keys.join(', ')}) VALUES ('AD-' || substr(md5(random()::text), 1, 8), ${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(fields),
  );
  return id;
}

/** The code in the last authentication template the stand-in received for this number (as Meta writes it: digits, no '+'). */
export function codeSentOnWhatsapp(standIn: CloudApiStandIn, phoneDigits: string): string | null {
  const call = [...standIn.sent].reverse().find((c) => (c.body as { to: string }).to === phoneDigits);
  if (!call) return null;
  const components = (call.body as { template: { components: { type: string; parameters: { text: string }[] }[] } }).template.components;
  return components.find((c) => c.type === 'body')?.parameters[0].text ?? null;
}

export { startSmtpStandIn as startSmtp, recipientOf as recipient } from '@advisordesk/api-notifications/testing';
