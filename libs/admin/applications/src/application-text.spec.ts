import { DEFAULT_CHECKLIST } from '@advisordesk/shared';
import {
  checklistProblems,
  deadlineInfo,
  deadlineWeek,
  documentsText,
  fileSizeText,
  filtersFromPlainParams,
  isBuiltInDefault,
  paidText,
  plainListPath,
  refineListSearch,
  sortersFromPlainParams,
} from './application-text';
import { filenameFromDisposition, listQuery } from '@advisordesk/admin-data';

describe('an application as the panel words it', () => {
  it('counts the days to a deadline and turns red at three days or fewer', () => {
    expect(deadlineInfo('2026-12-14', '2026-12-04')).toEqual({ days: 10, text: '10 days left', urgent: false });
    expect(deadlineInfo('2026-12-07', '2026-12-04')).toEqual({ days: 3, text: '3 days left', urgent: true });
    expect(deadlineInfo('2026-12-05', '2026-12-04').text).toBe('1 day left');
    expect(deadlineInfo('2026-12-04', '2026-12-04').text).toBe('Due today');
    expect(deadlineInfo('2026-12-02', '2026-12-04')).toEqual({ days: -2, text: '2 days overdue', urgent: true });
    expect(deadlineInfo(null, '2026-12-04')).toEqual({ days: null, text: 'No deadline', urgent: false });
  });

  it('says what was paid of the program’s fee in rupees with Indian grouping', () => {
    expect(paidText(45_000_00, 1_80_000_00)).toBe('₹45,000 of ₹1,80,000 paid');
    expect(paidText(0, null)).toBe('₹0 paid');
  });

  it('counts uploaded and verified documents as received, missing and rejected ones not', () => {
    expect(
      documentsText([{ status: 'verified' }, { status: 'uploaded' }, { status: 'rejected' }, { status: 'missing' }, { status: 'verified' }]),
    ).toBe('3 of 5 received');
  });

  it('writes file sizes as people read them', () => {
    expect(fileSizeText(512)).toBe('512 bytes');
    expect(fileSizeText(340 * 1024)).toBe('340 KB');
    expect(fileSizeText(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });

  it('takes this week as today and the six days after it, across a month end', () => {
    expect(deadlineWeek('2026-12-29')).toEqual({ from: '2026-12-29', to: '2027-01-04' });
  });
});

describe('links into the applications list', () => {
  it('reads a plain link (from the report or the home page) as the list’s filters', () => {
    const filters = filtersFromPlainParams(
      new URLSearchParams('universityId=u1&status=planned&status=documents&deadline_lte=2026-12-10&documentsToReview=true'),
    );
    expect(filters).toEqual([
      { field: 'status', operator: 'in', value: ['planned', 'documents'] },
      { field: 'universityId', operator: 'eq', value: 'u1' },
      { field: 'deadline', operator: 'lte', value: '2026-12-10' },
      { field: 'documentsToReview', operator: 'eq', value: 'true' },
    ]);
    expect(filtersFromPlainParams(new URLSearchParams('current=2&pageSize=25'))).toBeNull();
    expect(sortersFromPlainParams(new URLSearchParams('_sort=deadline'))).toEqual([{ field: 'deadline', order: 'asc' }]);
    expect(sortersFromPlainParams(new URLSearchParams('_sort=password&_order=desc'))).toEqual([]);
  });

  it('writes a plain link and the address Refine keeps for the same filters', () => {
    expect(plainListPath({ deadline_gte: '2026-12-04', deadline_lte: '2026-12-10' })).toBe(
      '/applications?deadline_gte=2026-12-04&deadline_lte=2026-12-10',
    );
    expect(plainListPath({})).toBe('/applications');
    expect(
      refineListSearch([
        { field: 'status', operator: 'in', value: ['offer'] },
        { field: 'q', operator: 'eq', value: 'Aarav M' },
      ]),
    ).toBe(
      'filters[0][field]=status&filters[0][operator]=in&filters[0][value][0]=offer&filters[1][field]=q&filters[1][operator]=eq&filters[1][value]=Aarav%20M',
    );
    expect(refineListSearch([{ field: 'documentsToReview', operator: 'eq', value: 'true' }], [{ field: 'deadline', order: 'asc' }])).toBe(
      'sorters[0][field]=deadline&sorters[0][order]=asc&filters[0][field]=documentsToReview&filters[0][operator]=eq&filters[0][value]=true',
    );
  });
});

describe('the CSV export of the list', () => {
  it('asks for the rows the list shows: its filters (repeated statuses, deadline range) and its sort', () => {
    expect(
      listQuery(
        [
          { field: 'status', operator: 'in', value: ['planned', 'documents'] },
          { field: 'deadline', operator: 'gte', value: '2026-12-04' },
          { field: 'deadline', operator: 'lte', value: '2026-12-10' },
          { field: 'universityId', operator: 'eq', value: undefined },
          { field: 'q', operator: 'eq', value: 'Aarav' },
        ],
        [{ field: 'deadline', order: 'asc' }],
      ),
    ).toBe('status=planned&status=documents&deadline_gte=2026-12-04&deadline_lte=2026-12-10&q=Aarav&_sort=deadline&_order=asc');
  });

  it('saves the file under the name the server gives, never a path', () => {
    expect(filenameFromDisposition('attachment; filename="advisordesk-applications-2026-12-04.csv"', 'applications.csv')).toBe(
      'advisordesk-applications-2026-12-04.csv',
    );
    expect(filenameFromDisposition('attachment; filename="../x.csv"', 'applications.csv')).toBe('..-x.csv');
    // A document's name as the API sends it: an ASCII fallback and the exact name in UTF-8.
    expect(
      filenameFromDisposition(`attachment; filename="______ 12.pdf"; filename*=UTF-8''${encodeURIComponent('मार्कशीट 12.pdf')}`, 'document.pdf'),
    ).toBe('मार्कशीट 12.pdf');
    expect(filenameFromDisposition(null, 'applications.csv')).toBe('applications.csv');
  });
});

describe('checklists', () => {
  it('knows the built-in default and refuses empty or repeated labels', () => {
    expect(isBuiltInDefault([...DEFAULT_CHECKLIST])).toBe(true);
    expect(isBuiltInDefault(DEFAULT_CHECKLIST.slice(1))).toBe(false);
    expect(
      checklistProblems([
        { kind: 'photo', label: 'Photo', required: true },
        { kind: 'other', label: ' ', required: false },
        { kind: 'id_proof', label: 'photo', required: true },
      ]),
    ).toEqual(['Item 2 needs a label', '“photo” is in the list twice']);
    expect(checklistProblems([])).toEqual(['A checklist needs at least one document']);
  });
});
