import { importProblems, reviewLines } from './import-report';

describe('catalogue import problems', () => {
  it('gives one row per problem with its file, line and field, universities first, in line order', () => {
    const problems = importProblems({
      message: '3 problems found: nothing was written',
      errors: {
        'programs:56:level': ['level must be one of: UG, PG'],
        'universities:4:ownership': ['ownership must be one of: central, state'],
        'programs:12:fee_components': ['fee_components must add up to total_inr', 'fee_components: "Sem 1" has no amount'],
      },
    });
    expect(problems).toEqual([
      { file: 'universities', line: 4, field: 'ownership', message: 'ownership must be one of: central, state' },
      { file: 'programs', line: 12, field: 'fee_components', message: 'fee_components must add up to total_inr' },
      { file: 'programs', line: 12, field: 'fee_components', message: 'fee_components: "Sem 1" has no amount' },
      { file: 'programs', line: 56, field: 'level', message: 'level must be one of: UG, PG' },
    ]);
  });

  it('keeps a problem that names no line (a body field) too', () => {
    expect(importProblems({ message: 'x', errors: { defaultSession: ['defaultSession must look like 2026-27'] } })).toEqual([
      { file: '', line: null, field: 'defaultSession', message: 'defaultSession must look like 2026-27' },
    ]);
  });
});

describe('the review of a catalogue import', () => {
  it('lists rows and fees in file order, unchanged ones as unchanged, a replaced fee with both totals and the components that moved', () => {
    const lines = reviewLines({
      rows: [
        { file: 'programs', line: 2, name: 'Online MBA — MUJ', outcome: 'unchanged', changes: [] },
        {
          file: 'universities',
          line: 2,
          name: 'MUJ',
          outcome: 'updated',
          changes: [{ field: 'city', before: 'Jaipur', after: 'Jaipur (Dehmi Kalan)' }],
        },
      ],
      fees: [
        {
          line: 2,
          programName: 'Online MBA',
          universityName: 'MUJ',
          session: '2026-27',
          outcome: 'updated',
          beforeTotalPaise: 17_125_000,
          afterTotalPaise: 17_625_000,
          components: [{ label: 'Semester 4', beforePaise: 4_375_000, afterPaise: 4_500_000 }],
          panelEditedAt: '2026-12-04T10:00:00.000Z',
          overwritesPanelEdit: true,
        },
      ],
    });
    expect(lines.map((l) => [l.key, l.outcome, l.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`), l.overwritesPanelEditAt])).toEqual([
      ['universities:2', 'updated', ['city: Jaipur → Jaipur (Dehmi Kalan)'], null],
      ['programs:2', 'unchanged', [], null],
      ['programs:2:fee', 'updated', ['total: ₹1,71,250 → ₹1,76,250', 'Semester 4: ₹43,750 → ₹45,000'], '2026-12-04T10:00:00.000Z'],
    ]);
  });
});
