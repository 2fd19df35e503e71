/** Money in AdvisorDesk is integer paise (1 rupee = 100 paise), never a float. */
export type Paise = number;

const groupIndian = (digits: string): string => {
  if (digits.length <= 3) return digits;
  const last3 = digits.slice(-3);
  const rest = digits.slice(0, -3);
  return rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',') + ',' + last3;
};

/** `formatInr(20000000)` → `₹2,00,000`; paise shown only when there are any. */
export function formatInr(paise: Paise | null | undefined): string {
  if (paise === null || paise === undefined || !Number.isFinite(paise)) return '—';
  const negative = paise < 0;
  const abs = Math.abs(Math.trunc(paise));
  const rupees = Math.floor(abs / 100);
  const rest = abs % 100;
  const text = '₹' + groupIndian(String(rupees)) + (rest ? '.' + String(rest).padStart(2, '0') : '');
  return negative ? '-' + text : text;
}

/** A short reading: `₹1.5 lakh`, `₹2.25 crore`, `₹45,000` below a lakh. */
export function formatInrShort(paise: Paise | null | undefined): string {
  if (paise === null || paise === undefined || !Number.isFinite(paise)) return '—';
  const rupees = Math.abs(paise) / 100;
  const sign = paise < 0 ? '-' : '';
  const trim = (n: number) => String(Math.round(n * 100) / 100);
  if (rupees >= 1_00_00_000) return `${sign}₹${trim(rupees / 1_00_00_000)} crore`;
  if (rupees >= 1_00_000) return `${sign}₹${trim(rupees / 1_00_000)} lakh`;
  return formatInr(paise);
}

/**
 * The short reading to show next to an exact amount, or null when it would only repeat it: below a lakh
 * `formatInrShort` is the exact amount again (`₹58,300`), so only `₹1,58,300` gets `₹1.58 lakh`.
 */
export function inrShortIfDifferent(paise: Paise | null | undefined): string | null {
  const short = formatInrShort(paise);
  return short === formatInr(paise) ? null : short;
}

/** An amount once, with its lakh/crore reading only where it reads differently: `₹58,300`, `₹1,58,300 (₹1.58 lakh)`. */
export function formatInrWithShort(paise: Paise | null | undefined): string {
  const short = inrShortIfDifferent(paise);
  return short ? `${formatInr(paise)} (${short})` : formatInr(paise);
}

/** Whole or decimal rupees (as typed by a person) to paise, without float drift. */
export function rupeesToPaise(rupees: number | string): Paise {
  const text = String(rupees)
    .trim()
    .replace(/[₹,\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) throw new Error(`not an amount in rupees: ${rupees}`);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const paise = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -paise : paise;
}

export function paiseToRupees(paise: Paise): number {
  return paise / 100;
}

export function sumPaise(amounts: Paise[]): Paise {
  return amounts.reduce((total, amount) => total + amount, 0);
}
