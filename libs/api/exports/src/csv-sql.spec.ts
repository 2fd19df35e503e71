import { escapeLiteral } from 'pg';
import { inlineParams } from './csv-sql';

describe('inlining filter values for COPY', () => {
  it('escapes text so that it stays a value', () => {
    const sql = inlineParams('SELECT 1 WHERE a = $1 AND b ILIKE $2', ["x'); DROP TABLE leads; --", '%o\\%ne%'], escapeLiteral);
    expect(sql).toBe(`SELECT 1 WHERE a = 'x''); DROP TABLE leads; --' AND b ILIKE  E'%o\\\\%ne%'`);
  });

  it('writes arrays, numbers, booleans and times as literals, and $10 is not $1', () => {
    const params = [['new', 'con"tacted'], 5, true, new Date('2026-04-01T00:00:00Z'), 5, 6, 7, 8, 9, 'ten'];
    expect(inlineParams('$1 $2 $3 $4 $10', params, escapeLiteral)).toBe(` E'{"new","con\\\\"tacted"}' 5 true '2026-04-01T00:00:00.000Z' 'ten'`);
    expect(() => inlineParams('$11', params, escapeLiteral)).toThrow();
  });
});
