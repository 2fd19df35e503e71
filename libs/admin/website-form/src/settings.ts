import type { WebsiteFormSettings, WebsiteFormSettingsBody } from '@advisordesk/shared';

/** What the form holds: the body's fields, the notice's link as typed (empty for none). */
export type WebsiteFormValues = Omit<WebsiteFormSettingsBody, 'noticeUrl'> & { noticeUrl: string };

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
    noticeText: settings.notice.text,
    noticeUrl: settings.notice.url ?? '',
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
  return { courses, allowedOrigins, noticeText: values.noticeText.trim(), noticeUrl: values.noticeUrl?.trim() || null };
}

/** True when saving would make a new notice version (the API compares the trimmed text and the link). */
export function noticeChanged(settings: WebsiteFormSettings, values: Pick<WebsiteFormValues, 'noticeText' | 'noticeUrl'>): boolean {
  return (values.noticeText ?? '').trim() !== settings.notice.text || ((values.noticeUrl ?? '').trim() || null) !== settings.notice.url;
}
