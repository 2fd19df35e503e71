import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `canonicalState`'s keys (libs/shared/src/india-states.ts) as they were when this migration was
 * written: a migration does what it did on the day it ran, so the rule is copied here, and
 * lead-vocabulary.spec.ts checks that the copy and the SQL key agree with `canonicalState`.
 */
export const STATE_KEYS_AT_MIGRATION: Record<string, readonly string[]> = {
  'Andhra Pradesh': ['andhrapradesh', 'ap'],
  'Arunachal Pradesh': ['arunachalpradesh', 'ar', 'arunachal'],
  Assam: ['assam', 'as'],
  Bihar: ['bihar', 'br'],
  Chhattisgarh: ['chhattisgarh', 'cg', 'chattisgarh', 'chhatisgarh', 'chhattisgad'],
  Goa: ['goa', 'ga'],
  Gujarat: ['gujarat', 'gj', 'gujrat'],
  Haryana: ['haryana', 'hr'],
  'Himachal Pradesh': ['himachalpradesh', 'hp', 'himachal'],
  Jharkhand: ['jharkhand', 'jh'],
  Karnataka: ['karnataka', 'ka'],
  Kerala: ['kerala', 'kl', 'keralam'],
  'Madhya Pradesh': ['madhyapradesh', 'mp'],
  Maharashtra: ['maharashtra', 'mh', 'maharastra'],
  Manipur: ['manipur', 'mn'],
  Meghalaya: ['meghalaya', 'ml'],
  Mizoram: ['mizoram', 'mz'],
  Nagaland: ['nagaland', 'nl'],
  Odisha: ['odisha', 'od', 'or', 'orissa'],
  Punjab: ['punjab', 'pb'],
  Rajasthan: ['rajasthan', 'rj'],
  Sikkim: ['sikkim', 'sk'],
  'Tamil Nadu': ['tamilnadu', 'tn'],
  Telangana: ['telangana', 'ts', 'tg', 'telengana'],
  Tripura: ['tripura', 'tr'],
  'Uttar Pradesh': ['uttarpradesh', 'up'],
  Uttarakhand: ['uttarakhand', 'uttaranchal', 'uttrakhand'],
  'West Bengal': ['westbengal', 'wb', 'bengal', 'paschimbanga'],
  'Andaman and Nicobar Islands': ['andamanandnicobarislands', 'an', 'andamanandnicobar', 'andaman'],
  Chandigarh: ['chandigarh', 'ch'],
  'Dadra and Nagar Haveli and Daman and Diu': [
    'dadraandnagarhavelianddamananddiu',
    'dnhdd',
    'dadraandnagarhaveli',
    'damananddiu',
    'daman',
    'silvassa',
  ],
  Delhi: ['delhi', 'dl', 'newdelhi', 'delhincr', 'ncr', 'nctofdelhi', 'nationalcapitalterritoryofdelhi'],
  'Jammu and Kashmir': ['jammuandkashmir', 'jk', 'jandk', 'jammu', 'kashmir', 'jammukashmir'],
  Ladakh: ['ladakh', 'leh'],
  Lakshadweep: ['lakshadweep', 'ld'],
  Puducherry: ['puducherry', 'py', 'pondicherry', 'pondy'],
};

/** `stateKey` in SQL: lower case, `&` as "and", letters only. */
export const STATE_KEY_SQL = (expression: string) => `regexp_replace(replace(lower(${expression}), '&', 'and'), '[^a-z]', '', 'g')`;

/**
 * The UPDATE that gives existing leads' free-text state its current name where it is one
 * (`orissa` → Odisha, `UP` → Uttar Pradesh). Text it does not recognise stays as it is. No version
 * bump: the lead says the same thing.
 */
export const MAP_LEAD_STATES_SQL = `
  UPDATE leads l SET state = m.name
    FROM (VALUES ${Object.entries(STATE_KEYS_AT_MIGRATION)
      .flatMap(([name, keys]) => keys.map((key) => `('${key}', '${name}')`))
      .join(', ')}) AS m(key, name)
   WHERE l.state IS NOT NULL AND ${STATE_KEY_SQL('l.state')} = m.key AND l.state IS DISTINCT FROM m.name`;

type ProgramLevel = 'UG' | 'PG' | 'diploma' | 'certificate' | 'micro-credential' | 'nano-degree';
type LeadMode = 'online' | 'distance' | 'regular' | 'hybrid';
interface WebsiteCourse {
  name: string;
  level: ProgramLevel | null;
  mode: LeadMode | null;
}

/** A course the website form offered by name only, with the level and mode its name says (an admin can correct them). */
export function courseFromName(name: string): WebsiteCourse {
  const text = name.toLowerCase();
  const has = (...words: string[]) => words.some((word) => new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(text));
  let level: ProgramLevel | null = null;
  if (has('micro-credential', 'micro credential')) level = 'micro-credential';
  else if (has('nano-degree', 'nano degree')) level = 'nano-degree';
  else if (has('diploma', 'pgdm', 'pgd')) level = 'diploma';
  else if (has('certificate', 'certification')) level = 'certificate';
  else if (has('mba', 'mca', 'm\\.?com', 'm\\.?sc', 'ma', 'm\\.?tech', 'executive mba', 'pg', 'masters?')) level = 'PG';
  else if (has('bba', 'bca', 'b\\.?com', 'b\\.?sc', 'ba', 'b\\.?tech', 'ug', 'bachelors?')) level = 'UG';
  let mode: LeadMode | null = null;
  if (has('online')) mode = 'online';
  else if (has('distance')) mode = 'distance';
  else if (has('hybrid')) mode = 'hybrid';
  return { name, level, mode };
}

/**
 * The lead's vocabulary: states by their current names, and the website form's courses each with
 * its program level and mode (they were names only).
 */
export class LeadVocabulary1764401400000 implements MigrationInterface {
  name = 'LeadVocabulary1764401400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(MAP_LEAD_STATES_SQL);
    const [row] = (await q.query(`SELECT value FROM app_settings WHERE key = 'websiteForm'`)) as { value: { courses?: unknown[] } }[];
    if (row?.value?.courses) {
      const courses = row.value.courses.map((course) => (typeof course === 'string' ? courseFromName(course) : course));
      await q.query(`UPDATE app_settings SET value = jsonb_set(value, '{courses}', $1::jsonb) WHERE key = 'websiteForm'`, [JSON.stringify(courses)]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Courses go back to names; the states keep their current names (every one of them was accepted text before).
    await q.query(
      `UPDATE app_settings SET value = jsonb_set(value, '{courses}',
         coalesce((SELECT jsonb_agg(CASE WHEN jsonb_typeof(c) = 'object' THEN c->'name' ELSE c END) FROM jsonb_array_elements(value->'courses') c), '[]'::jsonb))
       WHERE key = 'websiteForm' AND value ? 'courses'`,
    );
  }
}
