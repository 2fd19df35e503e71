/**
 * The lead CSV import (`POST /api/leads/import?dryRun=true|false`, multipart): the fields a column
 * may fill, the header names each is known by, how a consent cell reads, and the answer. The API
 * proposes a mapping from the headers with `proposeLeadImportMapping` and the panel shows the same one.
 */

/** The lead fields a column of the file may fill. */
export const LEAD_IMPORT_FIELDS = [
  'fullName',
  'phone',
  'email',
  'city',
  'state',
  'courseInterest',
  'level',
  'mode',
  'source',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'consentWhatsapp',
  'consentMarketing',
  'consentSource',
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];

/** Without these two mapped there is nothing to import. */
export const LEAD_IMPORT_REQUIRED_FIELDS: readonly LeadImportField[] = ['fullName', 'phone'];

export const LEAD_IMPORT_FIELD_LABELS: Record<LeadImportField, string> = {
  fullName: 'Name',
  phone: 'Phone',
  email: 'Email',
  city: 'City',
  state: 'State',
  courseInterest: 'Course interest',
  level: 'Level',
  mode: 'Mode',
  source: 'Source',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'UTM campaign',
  consentWhatsapp: 'WhatsApp consent',
  consentMarketing: 'Marketing consent',
  consentSource: 'Consent source',
};

/**
 * Other names a spreadsheet gives each field, compared after `headerKey` (case, spaces, dots,
 * dashes and underscores do not count). The field's own name and label are known too.
 */
export const LEAD_IMPORT_ALIASES: Record<LeadImportField, readonly string[]> = {
  fullName: ['name', 'full name', 'student name', 'candidate name', 'lead name', 'applicant name'],
  phone: ['mobile', 'mobile no', 'mobile number', 'phone no', 'phone number', 'contact', 'contact no', 'contact number', 'whatsapp number', 'cell'],
  email: ['e-mail', 'email id', 'email address', 'mail', 'e-mail id'],
  city: ['town', 'location', 'city name'],
  state: ['state name', 'province', 'region'],
  courseInterest: ['course', 'program', 'programme', 'course name', 'interested course', 'course interested in', 'interest'],
  level: ['course level', 'program level', 'degree level'],
  mode: ['study mode', 'course mode', 'learning mode', 'preferred mode'],
  source: ['lead source'],
  utmSource: ['utm_source'],
  utmMedium: ['utm_medium'],
  utmCampaign: ['utm_campaign', 'campaign', 'campaign name'],
  consentWhatsapp: ['whatsapp consent', 'whatsapp opt in', 'whatsapp optin', 'consent whatsapp'],
  consentMarketing: ['marketing consent', 'marketing opt in', 'marketing optin', 'consent marketing'],
  consentSource: ['consent source', 'consent form', 'opt in source', 'consent collected at'],
};

/** A header as compared with the aliases: lower case, without spaces, dots, dashes or underscores. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._\-/]+/g, '');
}

const FIELD_BY_KEY: ReadonlyMap<string, LeadImportField> = new Map(
  LEAD_IMPORT_FIELDS.flatMap((field) =>
    [field, LEAD_IMPORT_FIELD_LABELS[field], ...LEAD_IMPORT_ALIASES[field]].map((name) => [headerKey(name), field] as const),
  ),
);

/** `{header: field | null}`: how a file's columns fill the lead, as sent in the multipart field `mapping`. */
export type LeadImportMapping = Record<string, LeadImportField | null>;

/** Each header's field by name or alias; a field goes to the first header that names it, later ones map to nothing. */
export function proposeLeadImportMapping(headers: readonly string[]): LeadImportMapping {
  const taken = new Set<LeadImportField>();
  const mapping: LeadImportMapping = {};
  for (const header of headers) {
    const field = FIELD_BY_KEY.get(headerKey(header)) ?? null;
    mapping[header] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return mapping;
}

/** The delimiter of a header line: comma, semicolon or tab, whichever it holds most of outside quotes. */
export function detectCsvDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** A consent cell: yes/no/true/false/1/0 (any case), empty = no. Anything else is `undefined` (an error on that cell). */
export function readConsentCell(cell: string | undefined): boolean | undefined {
  const text = (cell ?? '').trim().toLowerCase();
  if (text === '' || text === 'no' || text === 'false' || text === '0' || text === 'n') return false;
  if (text === 'yes' || text === 'true' || text === '1' || text === 'y') return true;
  return undefined;
}

export const LEAD_IMPORT_LIMITS = {
  /** Data rows in one file (the header not counted). */
  rows: 100_000,
  /** The file's size, in bytes. */
  bytes: 64 * 1024 * 1024,
  /** Errors listed in an answer (`errorsTotal` counts them all). */
  errors: 1_000,
  /** Rows in `preview`. */
  preview: 200,
  consentSource: 200,
  fileName: 255,
} as const;

/** The multipart fields: the file, and the optional mapping (JSON), which must come before the file. */
export const LEAD_IMPORT_FILE_FIELD = 'file';
export const LEAD_IMPORT_MAPPING_FIELD = 'mapping';

/** What happens to a row: a new lead, an inquiry on an existing one, or nothing (an error). Marketing sees `accepted` for either of the first two. */
export type LeadImportOutcome = 'new' | 'existing' | 'accepted' | 'error';

export interface LeadImportError {
  /** The line in the file as a spreadsheet shows it (the header is 1). */
  row: number;
  field: LeadImportField | 'row';
  message: string;
}

export interface LeadImportPreviewRow {
  row: number;
  outcome: LeadImportOutcome;
  /** As the file has them (the row's own cells, never read back from the leads). */
  fullName: string;
  phone: string;
}

/** The answer of a dry run and of an import (also the body of the 400 `leads.importInvalid`, under `details`). */
export interface LeadImportResult {
  dryRun: boolean;
  fileName: string;
  rows: number;
  created: number;
  existing: number;
  /** The first `LEAD_IMPORT_LIMITS.errors` errors, in file order. */
  errors: LeadImportError[];
  errorsTotal: number;
  /** The first `LEAD_IMPORT_LIMITS.preview` rows. */
  preview: LeadImportPreviewRow[];
  /** The mapping used: the one sent, over the proposal from the headers. */
  mapping: LeadImportMapping;
  /** When applied: the import's id (`GET /api/lead-imports`). */
  importId?: string;
  /** When applied: the start of the import, for a link to the leads it created. */
  startedAt?: string;
}

/** An entry of the import history (`GET /api/lead-imports`). */
export interface LeadImportView {
  id: string;
  fileName: string;
  userId: string;
  userName: string;
  createdAt: string;
  finishedAt: string | null;
  rows: number;
  created: number;
  existing: number;
  failed: number;
}

export const LEAD_IMPORT_SORTS = ['createdAt', 'rows', 'created'] as const;
