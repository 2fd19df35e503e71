import { importProblems } from './import-report';

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
