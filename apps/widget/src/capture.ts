import { INQUIRY_LIMITS, type InquiryUtm, type PublicInquiryBody } from '@advisordesk/shared';

/** Where the inquiry came from, read from the page the form sits on. */
export type PageContext = Pick<PublicInquiryBody, 'sourceUrl' | 'referrer' | 'utm'>;

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** An http(s) address the API will take (no fragment, within the length limit), else nothing. */
export function webAddress(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const text = url.href;
  return text.length <= INQUIRY_LIMITS.url ? text : undefined;
}

/**
 * The page address (the landing page), the referrer, and `utm_source`, `utm_medium`,
 * `utm_campaign`, `utm_term` and `utm_content` from the page's query string.
 */
export function capturePage(href: string, referrer: string): PageContext {
  const context: PageContext = {};
  const sourceUrl = webAddress(href);
  if (sourceUrl) context.sourceUrl = sourceUrl;
  const from = webAddress(referrer);
  if (from) context.referrer = from;
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return context;
  }
  const utm: InquiryUtm = {};
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`)?.trim();
    if (value) utm[key] = value.slice(0, INQUIRY_LIMITS.utm);
  }
  if (Object.keys(utm).length) context.utm = utm;
  return context;
}
