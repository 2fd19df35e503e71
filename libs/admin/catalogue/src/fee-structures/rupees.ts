import { feeTotal, rupeesToPaise, type FeeComponent, type Paise } from '@advisordesk/shared';

/** One row of the fee components editor: the amount is kept as the rupees the person typed. */
export interface FeeComponentRow {
  label?: string;
  amount?: string | number | null;
  due?: string;
}

/** What a person may type as rupees: digits, Indian (or any) commas, up to two decimals. */
export const RUPEES_PATTERN = /^\s*₹?\s*[\d,]+(\.\d{0,2})?\s*$/;

/** `1750000.5` → `17,50,000.5` while typing (a trailing `.` or `.0` stays as typed). */
export function groupIndianDigits(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const text = String(value).replace(/[,\s₹]/g, '');
  if (!text) return '';
  const [whole, ...rest] = text.split('.');
  const last3 = whole.slice(-3);
  const head = whole.slice(0, -3);
  const grouped = head ? head.replace(/\B(?=(\d{2})+(?!\d))/g, ',') + ',' + last3 : last3;
  return rest.length ? `${grouped}.${rest.join('')}` : grouped;
}

/** Undoes `groupIndianDigits`: the bare number text the form keeps. */
export function ungroupDigits(text: string | undefined): string {
  return (text ?? '').replace(/[,\s₹]/g, '');
}

/** Paise of a typed amount, or null when it is empty or not an amount yet. */
export function amountToPaise(amount: FeeComponentRow['amount']): Paise | null {
  if (amount === undefined || amount === null || amount === '') return null;
  const text = String(amount);
  if (!RUPEES_PATTERN.test(text)) return null;
  try {
    return rupeesToPaise(text.replace(/\.$/, ''));
  } catch {
    return null;
  }
}

/** The running total of the rows typed so far (rows without a valid amount count as nothing). */
export function runningTotal(rows: (FeeComponentRow | undefined)[] | undefined): Paise {
  return (rows ?? []).reduce((total, row) => total + (amountToPaise(row?.amount) ?? 0), 0);
}

/** Rows → the API's components (integer paise); the total is computed from the very same figures. */
export function toFeeComponents(rows: FeeComponentRow[]): { components: FeeComponent[]; totalPaise: Paise } {
  const components = rows.map((row) => {
    const amountPaise = amountToPaise(row.amount);
    if (amountPaise === null) throw new Error(`not an amount in rupees: ${row.amount}`);
    const due = row.due?.trim();
    return { label: (row.label ?? '').trim(), amountPaise, ...(due ? { due } : {}) };
  });
  return { components, totalPaise: feeTotal(components) };
}

/** The API's components → rows for the editor (paise shown back as rupees, exactly). */
export function toFeeRows(components: FeeComponent[] | undefined): FeeComponentRow[] {
  return (components ?? []).map((c) => ({
    label: c.label,
    amount: `${Math.trunc(c.amountPaise / 100)}${c.amountPaise % 100 ? '.' + String(c.amountPaise % 100).padStart(2, '0') : ''}`,
    due: c.due ?? '',
  }));
}
