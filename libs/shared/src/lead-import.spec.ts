import {
  detectCsvDelimiter,
  headerKey,
  LEAD_IMPORT_ALIASES,
  LEAD_IMPORT_FIELD_LABELS,
  LEAD_IMPORT_FIELDS,
  proposeLeadImportMapping,
  readConsentCell,
} from './contracts/lead-import';

describe('the lead import’s vocabulary', () => {
  it('maps the headers spreadsheets use to lead fields, whatever their case and punctuation', () => {
    expect(proposeLeadImportMapping(['Name', 'Mobile', 'Phone No.', 'E-mail', 'Course', 'utm_campaign', 'Notes'])).toEqual({
      Name: 'fullName',
      Mobile: 'phone',
      // A second column naming a field already taken maps to nothing: the person chooses.
      'Phone No.': null,
      'E-mail': 'email',
      Course: 'courseInterest',
      utm_campaign: 'utmCampaign',
      Notes: null,
    });
    expect(proposeLeadImportMapping(['FULL NAME', 'phone_number', 'WhatsApp Consent', 'consentSource'])).toEqual({
      'FULL NAME': 'fullName',
      phone_number: 'phone',
      'WhatsApp Consent': 'consentWhatsapp',
      consentSource: 'consentSource',
    });
  });

  it('never lets one name stand for two fields', () => {
    const owner = new Map<string, string>();
    for (const field of LEAD_IMPORT_FIELDS) {
      for (const name of [field, LEAD_IMPORT_FIELD_LABELS[field], ...LEAD_IMPORT_ALIASES[field]]) {
        const key = headerKey(name);
        expect({ name, field: owner.get(key) ?? field }).toEqual({ name, field });
        owner.set(key, field);
      }
    }
  });

  it('tells the delimiter from the header line, outside quotes', () => {
    expect(detectCsvDelimiter('Name,Mobile,City')).toBe(',');
    expect(detectCsvDelimiter('Name;Mobile;City')).toBe(';');
    expect(detectCsvDelimiter('Name\tMobile\tCity')).toBe('\t');
    expect(detectCsvDelimiter('"Name; full";Mobile,x;City')).toBe(';');
    expect(detectCsvDelimiter('Name')).toBe(',');
  });

  it('reads consent cells as yes or no, empty as no, anything else as unreadable', () => {
    expect(['yes', 'Yes', 'TRUE', '1', 'y'].map(readConsentCell)).toEqual([true, true, true, true, true]);
    expect(['no', 'False', '0', '', '  ', undefined].map(readConsentCell)).toEqual([false, false, false, false, false, false]);
    expect(['maybe', 'ok', '2'].map(readConsentCell)).toEqual([undefined, undefined, undefined]);
  });
});
