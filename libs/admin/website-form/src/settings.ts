import { normaliseNotice, noticeParts, type NoticeParts, type WebsiteFormSettings, type WebsiteFormSettingsBody } from '@advisordesk/shared';

/** The notice as the form holds it: every part present, the link as typed (empty for none). */
export type NoticeFormValues = Required<Omit<NoticeParts, 'url'>> & { url: string };

/** What the form holds: the body's fields, with the notice as typed. */
export type WebsiteFormValues = Omit<WebsiteFormSettingsBody, 'notice'> & { notice: NoticeFormValues };

export const SETTINGS_PATH = '/settings/website-form';

/**
 * A website origin as browsers send it (`https://www.example.in`, `http://localhost:8080`), from
 * what an admin may paste: surrounding spaces and a trailing slash go; a path, query or fragment is
 * an error (`null`), since a page address is not a website.
 */
export function toOrigin(input: string): string | null {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  if (!/^https?:\/\/[^/]+\/?$/i.test(text)) return null;
  return url.origin;
}

export function originProblem(input: string | undefined): string | null {
  if (!input?.trim()) return 'Enter the website address, or remove this row';
  return toOrigin(input) ? null : 'Enter just the website address, like https://www.example.in (no page path)';
}

/** The form's values from the saved settings. */
export function toFormValues(settings: WebsiteFormSettings): WebsiteFormValues {
  return {
    courses: settings.courses,
    allowedOrigins: settings.allowedOrigins,
    notice: { ...noticeParts(settings.notice), url: settings.notice.url ?? '' },
  };
}

/** The PUT body: origins normalised, courses trimmed and without repeats, an empty link as none. */
export function toPayload(values: WebsiteFormValues): WebsiteFormSettingsBody {
  const seen = new Set<string>();
  const courses = values.courses.flatMap(({ name, level, mode }) => {
    const trimmed = (name ?? '').trim();
    if (!trimmed || seen.has(trimmed.toLowerCase())) return [];
    seen.add(trimmed.toLowerCase());
    return [{ name: trimmed, level: level ?? null, mode: mode ?? null }];
  });
  const allowedOrigins = [...new Set(values.allowedOrigins.map((o) => toOrigin(o) ?? o.trim()).filter(Boolean))];
  return { courses, allowedOrigins, notice: normaliseNotice(values.notice) as NoticeParts };
}

/** True when saving would make a new notice version (any part, the link, the contact or a translation changed). */
export function noticeChanged(settings: WebsiteFormSettings, notice: NoticeFormValues): boolean {
  return JSON.stringify(normaliseNotice(notice)) !== JSON.stringify(normaliseNotice(settings.notice));
}
