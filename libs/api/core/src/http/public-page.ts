import { randomBytes } from 'node:crypto';
import { formatPhone, PRIVACY_PAGE_PATH, SUPPORT_CONTACT_NAME, waDigits, type ComparisonContact } from '@advisordesk/shared';

/** Text made safe inside HTML (elements and attributes). */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What every public page shares: the type, the header band, the "talk to your advisor" block. */
const BASE_STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f4f6fb;line-height:1.45}
header{background:#1d3a8a;color:#fff;padding:20px 16px}header h1{margin:0 0 4px;font-size:1.35rem}header p{margin:0;opacity:.9}
.talk{background:#fff;border-radius:10px;padding:14px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.08);display:flex;flex-wrap:wrap;align-items:center;gap:10px 16px}
.talk h2{margin:0;font-size:1.05rem;flex:1 1 220px}.talk h2 span{display:block;font-weight:400;color:#6b7280;font-size:.9rem}
.talk a{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 16px;border-radius:8px;font-weight:600;text-decoration:none;flex:1 1 130px}
.talk a.wa{background:#1f8f4e;color:#fff}.talk a.call{border:1px solid #1d3a8a;color:#1d3a8a;background:#fff}`;

/**
 * A public page sent to a student (the comparison, the upload page): made for a phone, not
 * indexed, styles inline (the CSP allows them), scripts only from our own origin.
 */
export function publicPage(title: string, body: string, style = '', head = ''): string {
  return `<!doctype html><html lang="en-IN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${BASE_STYLE}${style}</style>${head}</head><body>${body}</body></html>`;
}

/** "Talk to your advisor": WhatsApp and call links to the advisor (or the service number); nothing when there is no number. */
export function talkBlock(contact: ComparisonContact | null): string {
  if (!contact) return '';
  return `<section class="talk" aria-label="Talk to your advisor"><h2>Talk to your advisor<span>${escapeHtml(contact.name)} · ${escapeHtml(formatPhone(contact.phone))}</span></h2>
<a class="wa" href="https://wa.me/${waDigits(contact.phone)}" rel="noopener noreferrer">WhatsApp</a><a class="call" href="tel:${escapeHtml(contact.phone)}">Call</a></section>`;
}

/** The link to `/privacy`, in the footer of every public page. */
export const DATA_RIGHTS_LINK = `<a href="${PRIVACY_PAGE_PATH}">Your data rights</a>`;

/** Whom a public page tells the student to talk to: their advisor when we have a number for them, else the service's number, else nobody. */
export function publicContact(
  supportPhone: string | null | undefined,
  advisorName: string | null,
  advisorPhone: string | null,
): ComparisonContact | null {
  if (advisorName && advisorPhone) return { name: advisorName, phone: advisorPhone };
  return supportPhone ? { name: SUPPORT_CONTACT_NAME, phone: supportPhone } : null;
}

/** An unguessable token for a link sent to a student or a browser (192 random bits, URL-safe). */
export function newPublicToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Whether a value can be one of our public tokens: anything else is answered as unknown before the database is asked. */
export function isPublicToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,64}$/.test(value);
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the exact name in UTF-8 (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}
