import type { ProgramView } from '@advisordesk/shared';
import { COMPARISON_ROWS, idsFromQuery, lowestFeeIds, rowDiffers } from './comparison-rows';

const fee = (totalPaise: number) => ({
  id: 'f',
  session: '2026-27',
  components: [{ label: 'Full program', amountPaise: totalPaise }],
  totalPaise,
  emiAvailable: true,
  scholarshipNotes: null,
  validFrom: null,
  validTo: null,
});
const program = (id: string, over: Partial<ProgramView> = {}): ProgramView =>
  ({
    id,
    name: `Program ${id}`,
    universityName: `University ${id}`,
    universityCity: null,
    level: 'PG',
    credentialType: 'degree',
    mode: 'online',
    durationMonths: 24,
    credits: null,
    stackable: false,
    approvals: ['UGC-entitled', 'NAAC'],
    naacGrade: 'A+',
    nirfRank: null,
    nirfCategory: null,
    nirfYear: null,
    eligibility: null,
    specialisations: [],
    currentFee: fee(17500000),
    ...over,
  }) as ProgramView;

const row = (key: string) => {
  const found = COMPARISON_ROWS.find((r) => r.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('the side-by-side comparison', () => {
  it('marks a row as differing only when the programs say different things', () => {
    const a = program('a');
    const b = program('b', { durationMonths: 36, approvals: ['NAAC', 'UGC-entitled'], currentFee: fee(15800000) });
    expect(rowDiffers(row('duration'), [a, b])).toBe(true);
    expect(rowDiffers(row('fee'), [a, b])).toBe(true);
    expect(rowDiffers(row('approvals'), [a, b])).toBe(false);
    expect(rowDiffers(row('mode'), [a, b])).toBe(false);
    expect(rowDiffers(row('university'), [a, b])).toBe(false);
    expect(row('fee').text(a)).toBe('₹1,75,000');
  });

  it('names the lowest fee only when there is one to name', () => {
    expect([...lowestFeeIds([program('a'), program('b', { currentFee: fee(9900000) }), program('c', { currentFee: null })])]).toEqual(['b']);
    expect(lowestFeeIds([program('a'), program('b')]).size).toBe(0);
  });

  it('reads at most five unique program ids from the address', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    expect(idsFromQuery([ids[0], ids[0], 'junk', ...ids.slice(1)].join(','))).toEqual(ids.slice(0, 5));
    expect(idsFromQuery(null)).toEqual([]);
  });
});
