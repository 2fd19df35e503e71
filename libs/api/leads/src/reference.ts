import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read out on a phone call.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A lead's reference, e.g. `AD-7K3M9Q2W`: what a student quotes when they call back. */
export function newReference(): string {
  let text = '';
  for (let i = 0; i < 8; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return `AD-${text}`;
}
