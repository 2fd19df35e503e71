import { IntersectionType, PickType } from '@nestjs/swagger';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, isBuiltInKey, unusableInput } from '@advisordesk/api-core';
import {
  LEAD_IMPORT_FIELDS,
  LEAD_IMPORT_LIMITS,
  LEAD_SOURCE_LABELS,
  LEAD_SOURCES,
  normalisePhone,
  readConsentCell,
  type LeadImportError,
  type LeadImportField,
  type LeadImportMapping,
  type LeadSource,
} from '@advisordesk/shared';
import { ConsentDto, CreateInquiryDto, UtmDto } from '../dto/create-inquiry.dto';
import { CreateLeadDto } from '../dto/update-lead.dto';

/**
 * A row of an import, checked by the rules of the Quick Inquiry form (name, phone, email, lengths,
 * level, mode, UTM) and of a lead entered by hand (its source): the same decorators, not a copy.
 * Consent is read from its cells here (yes/no), so it is set on the body after the check.
 */
class LeadImportRowDto extends IntersectionType(
  PickType(CreateInquiryDto, ['fullName', 'phone', 'email', 'city', 'state', 'courseInterest', 'level', 'mode', 'utm'] as const),
  PickType(CreateLeadDto, ['source'] as const),
) {}

const VALIDATION = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false } as const;

/** The DTO's nested names as the import's columns. */
const DTO_FIELD: Record<string, LeadImportField> = {
  'utm.source': 'utmSource',
  'utm.medium': 'utmMedium',
  'utm.campaign': 'utmCampaign',
};

const SOURCE_BY_WORD: ReadonlyMap<string, LeadSource> = new Map(
  LEAD_SOURCES.flatMap((source) => [
    [source, source],
    [LEAD_SOURCE_LABELS[source].toLowerCase(), source],
  ]),
);

/** A row that passed: the inquiry body as the form would have sent it, its phone in E.164 and its consent's source. */
export interface CheckedRow {
  body: CreateInquiryDto;
  phone: string;
  source: LeadSource;
  consentSource: string | null;
}

/**
 * The mapping to use: the one sent (untrusted JSON: an object of file headers, each a lead field
 * or null) over the proposal from the headers. Answers the problem as text for a 400 on `mapping`.
 */
export function mergeMapping(proposed: LeadImportMapping, headers: readonly string[], sent: string | undefined): LeadImportMapping | string {
  if (sent === undefined) return proposed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(sent);
  } catch {
    return 'mapping must be JSON: {"<header in the file>": "<lead field>" | null}';
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return 'mapping must be an object: {"<header in the file>": "<lead field>" | null}';
  const mapping: LeadImportMapping = { ...proposed };
  for (const [header, field] of Object.entries(parsed)) {
    if (isBuiltInKey(header) || unusableInput(header).length) return `mapping has a key that is not a header of the file`;
    if (!headers.includes(header)) return `mapping names "${header.slice(0, 80)}", which is not a header of the file`;
    if (field !== null && !(LEAD_IMPORT_FIELDS as readonly unknown[]).includes(field)) {
      return `mapping: "${header.slice(0, 80)}" must map to one of ${LEAD_IMPORT_FIELDS.join(', ')}, or null`;
    }
    mapping[header] = field as LeadImportField | null;
  }
  const used = Object.values(mapping).filter((field): field is LeadImportField => field !== null);
  const twice = used.find((field, i) => used.indexOf(field) !== i);
  if (twice) return `mapping: two columns map to ${twice}; map each field from one column`;
  return mapping;
}

/** The column of each field: its index among the headers. */
export function fieldColumns(headers: readonly string[], mapping: LeadImportMapping): Partial<Record<LeadImportField, number>> {
  const columns: Partial<Record<LeadImportField, number>> = {};
  headers.forEach((header, index) => {
    const field = Object.hasOwn(mapping, header) ? mapping[header] : null;
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/**
 * One data row checked: the problems (each on its field) or the inquiry body. Consent cells read
 * yes/no/true/false/1/0 (empty: no); a consent needs a `consentSource`, marketing consent is
 * never assumed.
 */
export function checkRow(cells: readonly string[], columns: Partial<Record<LeadImportField, number>>, row: number): CheckedRow | LeadImportError[] {
  const cell = (field: LeadImportField): string | undefined => {
    const index = columns[field];
    const text = index === undefined ? undefined : cells[index]?.trim();
    return text ? text : undefined;
  };
  const errors: LeadImportError[] = [];
  for (const field of LEAD_IMPORT_FIELDS) {
    const text = cell(field);
    const problem = text === undefined ? undefined : unusableInput(text, field)[0];
    if (problem) errors.push({ row, field, message: problem.message });
  }
  if (errors.length) return errors;

  const consent = { whatsapp: readConsentCell(cell('consentWhatsapp')), marketing: readConsentCell(cell('consentMarketing')) };
  for (const [key, field] of [
    ['whatsapp', 'consentWhatsapp'],
    ['marketing', 'consentMarketing'],
  ] as const) {
    if (consent[key] === undefined) errors.push({ row, field, message: `${field} must be yes or no (true/false, 1/0; empty is no)` });
  }
  const consentSource = cell('consentSource') ?? null;
  if ((consent.whatsapp || consent.marketing) && !consentSource) {
    errors.push({ row, field: 'consentSource', message: 'consentSource is required with a consent: where did the person give it?' });
  }
  if (consentSource && consentSource.length > LEAD_IMPORT_LIMITS.consentSource) {
    errors.push({ row, field: 'consentSource', message: `consentSource must be at most ${LEAD_IMPORT_LIMITS.consentSource} characters` });
  }
  const sourceCell = cell('source');
  const source = sourceCell === undefined ? 'import' : (SOURCE_BY_WORD.get(sourceCell.toLowerCase()) ?? sourceCell);
  const utm = { source: cell('utmSource'), medium: cell('utmMedium'), campaign: cell('utmCampaign') };
  // The DTO built directly (cells are text already): plainToInstance would cost as much as the checks.
  const dto = Object.assign(new LeadImportRowDto(), {
    fullName: cell('fullName') ?? '',
    phone: cell('phone') ?? '',
    email: cell('email'),
    city: cell('city'),
    state: cell('state'),
    courseInterest: cell('courseInterest'),
    level: cell('level'),
    mode: cell('mode'),
    source,
    utm: utm.source || utm.medium || utm.campaign ? Object.assign(new UtmDto(), utm) : undefined,
  });
  for (const problem of flattenValidationErrors(validateSync(dto, VALIDATION))) {
    const field = DTO_FIELD[problem.field] ?? (problem.field as LeadImportField);
    errors.push({ row, field, message: problem.message.replace(problem.field, field) });
  }
  const phone = normalisePhone(dto.phone);
  if (errors.length || !phone.ok) return errors;
  const consentDto = Object.assign(new ConsentDto(), { whatsapp: consent.whatsapp ?? false, marketing: consent.marketing ?? false });
  return {
    body: Object.assign(dto, { consent: consentDto }) as CreateInquiryDto,
    phone: phone.e164,
    source: dto.source,
    consentSource: consent.whatsapp || consent.marketing ? consentSource : null,
  };
}
