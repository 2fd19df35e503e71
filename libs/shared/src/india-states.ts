/**
 * India's 28 states and 8 union territories, by their current names: the vocabulary of a lead's
 * state. `canonicalState` is the one rule that turns what people type ("UP", "Orissa",
 * "delhi ncr", "Pondicherry") into one of them; the intake, the lead edit, imports and the
 * migration of old leads all use it, and keep text it does not recognise as it was.
 */
export const INDIA_STATES = [
  'Andhra Pradesh',
  'Arunachal Pradesh',
  'Assam',
  'Bihar',
  'Chhattisgarh',
  'Goa',
  'Gujarat',
  'Haryana',
  'Himachal Pradesh',
  'Jharkhand',
  'Karnataka',
  'Kerala',
  'Madhya Pradesh',
  'Maharashtra',
  'Manipur',
  'Meghalaya',
  'Mizoram',
  'Nagaland',
  'Odisha',
  'Punjab',
  'Rajasthan',
  'Sikkim',
  'Tamil Nadu',
  'Telangana',
  'Tripura',
  'Uttar Pradesh',
  'Uttarakhand',
  'West Bengal',
  'Andaman and Nicobar Islands',
  'Chandigarh',
  'Dadra and Nagar Haveli and Daman and Diu',
  'Delhi',
  'Jammu and Kashmir',
  'Ladakh',
  'Lakshadweep',
  'Puducherry',
] as const;

export type IndiaState = (typeof INDIA_STATES)[number];

/** Other ways people write them: short codes, old names, common spellings. Compared as `stateKey` makes them. */
const ALIASES: Record<IndiaState, readonly string[]> = {
  'Andhra Pradesh': ['AP'],
  'Arunachal Pradesh': ['AR', 'Arunachal'],
  Assam: ['AS'],
  Bihar: ['BR'],
  Chhattisgarh: ['CG', 'Chattisgarh', 'Chhatisgarh', 'Chhattisgad'],
  Goa: ['GA'],
  Gujarat: ['GJ', 'Gujrat'],
  Haryana: ['HR'],
  'Himachal Pradesh': ['HP', 'Himachal'],
  Jharkhand: ['JH'],
  Karnataka: ['KA'],
  Kerala: ['KL', 'Keralam'],
  'Madhya Pradesh': ['MP'],
  Maharashtra: ['MH', 'Maharastra'],
  Manipur: ['MN'],
  Meghalaya: ['ML'],
  Mizoram: ['MZ'],
  Nagaland: ['NL'],
  Odisha: ['OD', 'OR', 'Orissa'],
  Punjab: ['PB'],
  Rajasthan: ['RJ'],
  Sikkim: ['SK'],
  'Tamil Nadu': ['TN'],
  Telangana: ['TS', 'TG', 'Telengana'],
  Tripura: ['TR'],
  'Uttar Pradesh': ['UP'],
  Uttarakhand: ['Uttaranchal', 'Uttrakhand'],
  'West Bengal': ['WB', 'Bengal', 'Paschim Banga'],
  'Andaman and Nicobar Islands': ['AN', 'Andaman and Nicobar', 'Andaman', 'Andaman & Nicobar'],
  Chandigarh: ['CH'],
  'Dadra and Nagar Haveli and Daman and Diu': ['DNHDD', 'Dadra and Nagar Haveli', 'Daman and Diu', 'Daman', 'Silvassa'],
  Delhi: ['DL', 'New Delhi', 'Delhi NCR', 'NCR', 'NCT of Delhi', 'National Capital Territory of Delhi'],
  'Jammu and Kashmir': ['JK', 'J&K', 'J and K', 'Jammu', 'Kashmir', 'Jammu Kashmir'],
  Ladakh: ['Leh'],
  Lakshadweep: ['LD'],
  Puducherry: ['PY', 'Pondicherry', 'Pondy'],
};

/**
 * How a state's text is compared: lower case, `&` as "and", letters only (so case, spaces, dots and
 * hyphens never matter). The migration of old leads holds a copy of these keys, checked against them.
 */
export function stateKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '');
}

/** Every key `canonicalState` recognises, with the state it stands for. */
export const STATE_KEYS: ReadonlyMap<string, IndiaState> = new Map(
  INDIA_STATES.flatMap((state) => [state, ...ALIASES[state]].map((text) => [stateKey(text), state] as const)),
);

/** The state's current name for what someone typed, or null when it is not one we recognise. */
export function canonicalState(text: string | null | undefined): IndiaState | null {
  if (!text) return null;
  return STATE_KEYS.get(stateKey(text)) ?? null;
}

/** What to store for a typed state: its current name when recognised, else the text as typed (trimmed), or null for nothing. */
export function stateToStore(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return canonicalState(trimmed) ?? trimmed;
}
