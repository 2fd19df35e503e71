/**
 * The consent notice (DPDP Rules 2025, rule 3): a notice that stands on its own, in plain language,
 * itemising the personal data and each purpose, how to withdraw consent, how to exercise one's
 * rights, how to complain to the Data Protection Board, and whom to contact. English is the base
 * language; each version may carry translations into languages of the Eighth Schedule.
 */

/** A language the notice and the form may be shown in. */
export interface NoticeLanguage {
  code: string;
  /** Its name in English. */
  name: string;
  /** Its name in its own script, as a reader picks it. */
  nativeName: string;
  /** Written right to left. */
  rtl?: boolean;
}

/** The base language of every notice. */
export const BASE_NOTICE_LANGUAGE: NoticeLanguage = { code: 'en', name: 'English', nativeName: 'English' };

/** The 22 languages of the Constitution's Eighth Schedule (ISO 639-1 codes where one exists, else ISO 639-2/3). */
export const EIGHTH_SCHEDULE_LANGUAGES: readonly NoticeLanguage[] = [
  { code: 'as', name: 'Assamese', nativeName: 'অসমীয়া' },
  { code: 'bn', name: 'Bengali', nativeName: 'বাংলা' },
  { code: 'brx', name: 'Bodo', nativeName: 'बड़ो' },
  { code: 'doi', name: 'Dogri', nativeName: 'डोगरी' },
  { code: 'gu', name: 'Gujarati', nativeName: 'ગુજરાતી' },
  { code: 'hi', name: 'Hindi', nativeName: 'हिन्दी' },
  { code: 'kn', name: 'Kannada', nativeName: 'ಕನ್ನಡ' },
  { code: 'ks', name: 'Kashmiri', nativeName: 'کٲشُر', rtl: true },
  { code: 'kok', name: 'Konkani', nativeName: 'कोंकणी' },
  { code: 'mai', name: 'Maithili', nativeName: 'मैथिली' },
  { code: 'ml', name: 'Malayalam', nativeName: 'മലയാളം' },
  { code: 'mni', name: 'Manipuri', nativeName: 'ꯃꯤꯇꯩꯂꯣꯟ' },
  { code: 'mr', name: 'Marathi', nativeName: 'मराठी' },
  { code: 'ne', name: 'Nepali', nativeName: 'नेपाली' },
  { code: 'or', name: 'Odia', nativeName: 'ଓଡ଼ିଆ' },
  { code: 'pa', name: 'Punjabi', nativeName: 'ਪੰਜਾਬੀ' },
  { code: 'sa', name: 'Sanskrit', nativeName: 'संस्कृतम्' },
  { code: 'sat', name: 'Santali', nativeName: 'ᱥᱟᱱᱛᱟᱲᱤ' },
  { code: 'sd', name: 'Sindhi', nativeName: 'سنڌي', rtl: true },
  { code: 'ta', name: 'Tamil', nativeName: 'தமிழ்' },
  { code: 'te', name: 'Telugu', nativeName: 'తెలుగు' },
  { code: 'ur', name: 'Urdu', nativeName: 'اردو', rtl: true },
];

/** English, then the Eighth Schedule's languages. */
export function noticeLanguage(code: string): NoticeLanguage | undefined {
  return code === BASE_NOTICE_LANGUAGE.code ? BASE_NOTICE_LANGUAGE : EIGHTH_SCHEDULE_LANGUAGES.find((l) => l.code === code);
}

/** Whether `code` is a language a notice may be translated into (English is the base, never a translation). */
export function isTranslationLanguage(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(TRANSLATION_CODES, code);
}
const TRANSLATION_CODES: Record<string, true> = Object.fromEntries(EIGHTH_SCHEDULE_LANGUAGES.map((l) => [l.code, true]));

/** The parts of the notice that are words, in one language. */
export interface NoticeTexts {
  /** The opening: who asks and why, in plain language. */
  text: string;
  /** Each item of personal data the form collects. */
  data: string[];
  /** Each purpose, with the service it enables. */
  purposes: string[];
  /** How to withdraw consent (as easily as it was given). */
  withdrawal: string;
  /** How to exercise the rights to access, correction, erasure, grievance and nomination. */
  rights: string;
  /** How to complain to the Data Protection Board of India. */
  board: string;
}

/** The person who answers for the operator (name, email and phone are all required). */
export interface NoticeContact {
  name: string;
  email: string;
  phone: string;
}

/** A notice's parts, as an admin writes them (`PUT /api/settings/website-form`'s `notice`). */
export interface NoticeParts extends NoticeTexts {
  url?: string | null;
  contact: NoticeContact;
  /** By language code (`hi`, `ta`, …): the same texts in that language. */
  translations?: Record<string, NoticeTexts>;
}

/** A saved notice version, as the settings answer it. A fresh database's first notice has no contact yet. */
export interface ConsentNoticeVersion<Time = string> extends NoticeTexts {
  version: number;
  url: string | null;
  contact: NoticeContact | null;
  translations: Record<string, NoticeTexts>;
  createdAt: Time;
}

/** `notice` in `GET /api/public/form-config?lang=…`: one language's texts; English when the notice has no such translation. */
export interface PublicConsentNotice extends NoticeTexts {
  version: number;
  /** The language these texts are in. */
  language: string;
  /** The languages this notice has: `en` first. */
  languages: string[];
  contact: NoticeContact | null;
  url: string | null;
}

export const NOTICE_LIMITS = {
  text: 4000,
  part: 2000,
  item: 300,
  items: 20,
  contactName: 120,
  contactEmail: 254,
  contactPhone: 30,
} as const;

export const NOTICE_TEXT_PARTS = ['text', 'data', 'purposes', 'withdrawal', 'rights', 'board'] as const satisfies readonly (keyof NoticeTexts)[];

/** Each part's name on the notice screen and in "missing: …". */
export const NOTICE_PART_LABELS: Record<(typeof NOTICE_TEXT_PARTS)[number] | 'contact.name' | 'contact.email' | 'contact.phone', string> = {
  text: 'opening text',
  data: 'personal data collected',
  purposes: 'purposes',
  withdrawal: 'how to withdraw consent',
  rights: 'how to exercise rights',
  board: 'complaint to the Data Protection Board',
  'contact.name': "contact person's name",
  'contact.email': "contact person's email",
  'contact.phone': "contact person's phone",
};

/** The label of a path `missingNoticeParts` answers (`translations.hi.rights` → `how to exercise rights (Hindi)`). */
export function noticePartLabel(path: string): string {
  const translated = /^translations\.([^.]+)\.(.+)$/.exec(path);
  if (translated) return `${noticePartLabel(translated[2])} (${noticeLanguage(translated[1])?.name ?? translated[1]})`;
  return NOTICE_PART_LABELS[path as keyof typeof NOTICE_PART_LABELS] ?? path;
}

const blank = (value: unknown) => typeof value !== 'string' || !value.trim();
const noItems = (value: unknown) => !Array.isArray(value) || !value.some((item) => !blank(item));

/** A notice being written: any part may still be empty. */
type DraftTexts = { [K in keyof NoticeTexts]?: NoticeTexts[K] | null };

function missingTexts(texts: DraftTexts | null | undefined, prefix = ''): string[] {
  return NOTICE_TEXT_PARTS.filter((part) => (part === 'data' || part === 'purposes' ? noItems(texts?.[part]) : blank(texts?.[part]))).map(
    (part) => `${prefix}${part}`,
  );
}

/**
 * The parts a complete notice needs and this one lacks, as paths inside the notice (`contact.email`,
 * `purposes`, `translations.hi.rights`): the API refuses a notice that lacks any, and the notice
 * screen lists them. Empty when the notice is complete.
 */
export function missingNoticeParts(
  notice: DraftTexts & { contact?: Partial<NoticeContact> | null; translations?: Record<string, DraftTexts | null> | null },
): string[] {
  const missing = missingTexts(notice);
  for (const field of ['name', 'email', 'phone'] as const) if (blank(notice.contact?.[field])) missing.push(`contact.${field}`);
  for (const [code, texts] of Object.entries(notice.translations ?? {})) missing.push(...missingTexts(texts, `translations.${code}.`));
  return missing;
}

/** A saved version's parts as a body to send back (a missing contact as blanks, for the admin to fill). */
export function noticeParts(notice: ConsentNoticeVersion<unknown>): Required<NoticeParts> {
  const { text, url, data, purposes, withdrawal, rights, board, translations } = notice;
  return { text, url, data, purposes, withdrawal, rights, board, contact: notice.contact ?? { name: '', email: '', phone: '' }, translations };
}

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A notice's texts as stored: trimmed, list items without blanks (a part still being typed counts as empty). */
function cleanTexts(texts: DraftTexts | null | undefined): NoticeTexts {
  const items = (list: unknown) => (Array.isArray(list) ? list.map(trimmed).filter(Boolean) : []);
  return {
    text: trimmed(texts?.text),
    data: items(texts?.data),
    purposes: items(texts?.purposes),
    withdrawal: trimmed(texts?.withdrawal),
    rights: trimmed(texts?.rights),
    board: trimmed(texts?.board),
  };
}

/**
 * A notice as it is stored, in one key order (translations by language code): two notices are the
 * same version when these are the same JSON (the API decides so; the notice screen warns so).
 */
export function normaliseNotice(notice: NoticeParts | ConsentNoticeVersion<unknown>) {
  const contact = notice.contact
    ? { name: trimmed(notice.contact.name), email: trimmed(notice.contact.email), phone: trimmed(notice.contact.phone) }
    : null;
  const translations = notice.translations ?? {};
  return {
    ...cleanTexts(notice),
    url: trimmed(notice.url) || null,
    contact,
    translations: Object.fromEntries(
      Object.keys(translations)
        .sort()
        .map((code) => [code, cleanTexts(translations[code])]),
    ),
  };
}
