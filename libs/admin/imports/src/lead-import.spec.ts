import { proposeLeadImportMapping } from '@advisordesk/shared';
import { pastedFile, readHead } from './file-head';
import { importOutcome } from './import-text';

describe('reading the head of a file for the mapping', () => {
  it('finds the headers and a few sample values, whatever the delimiter', () => {
    const head = readHead(
      '\uFEFFName,Mobile,E-mail,Course\nKavya Nair,98765 43210,kavya@example.in,Online MBA\n"Rao, Ishaan","+91 91234 56789",,MBA\n',
    );
    expect(head.headers).toEqual(['Name', 'Mobile', 'E-mail', 'Course']);
    expect(head.samples.Name).toEqual(['Kavya Nair', 'Rao, Ishaan']);
    expect(proposeLeadImportMapping(head.headers)).toEqual({ Name: 'fullName', Mobile: 'phone', 'E-mail': 'email', Course: 'courseInterest' });
    expect(readHead('Name;Phone No.\nAsha;98765 43210').headers).toEqual(['Name', 'Phone No.']);
    expect(readHead('Student Name\tContact\nAsha\t98765 43210').samples.Contact).toEqual(['98765 43210']);
  });

  it('pasted cells become a tab-separated file', async () => {
    const file = pastedFile('Name\tMobile\nAsha\t98765 43210');
    expect(file.name).toBe('pasted.tsv');
    expect(await file.text()).toBe('Name\tMobile\nAsha\t98765 43210');
  });
});

describe('an import in the history', () => {
  const base = { id: 'i', fileName: 'a.csv', userId: 'u', userName: 'Meera', createdAt: '2026-11-30T04:30:00.000Z', finishedAt: null, rows: 12 };
  it('says what it added, or that it was refused', () => {
    expect(importOutcome({ ...base, created: 10, existing: 2, failed: 0 })).toEqual({ text: '10 new · 2 existing', refused: false });
    expect(importOutcome({ ...base, created: 0, existing: 0, failed: 1 })).toEqual({ text: 'Refused: 1 row error', refused: true });
  });
});
