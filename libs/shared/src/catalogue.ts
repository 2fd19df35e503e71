import type { Paise } from './money';

export const OWNERSHIPS = ['central', 'state', 'private', 'deemed', 'platform'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const CREDENTIAL_TYPES = ['degree', 'certification', 'micro-credential'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/**
 * Approvals as Indian regulators word them: "UGC-entitled" (a university entitled by UGC to run
 * online degrees), DEB (UGC's Distance Education Bureau), AICTE, NAAC accreditation, plus
 * recognitions students ask about (WES, AIU, NBA, NCTE, BCI, PCI, NMC, NIRF).
 */
export const APPROVALS = ['UGC-entitled', 'UGC', 'DEB', 'AICTE', 'NAAC', 'NBA', 'WES', 'AIU', 'NCTE', 'BCI', 'PCI', 'NMC', 'NIRF'] as const;
export type Approval = (typeof APPROVALS)[number];

export const NAAC_GRADES = ['A++', 'A+', 'A', 'B++', 'B+', 'B', 'C', 'D'] as const;

/** An academic session, e.g. `2026-27`. */
export const SESSION_PATTERN = /^(\d{4})-(\d{2})$/;
export function isSession(text: string): boolean {
  const match = SESSION_PATTERN.exec(text);
  return !!match && (Number(match[1]) + 1) % 100 === Number(match[2]);
}
export const CURRENT_SESSION = '2026-27';

export interface FeeComponent {
  label: string;
  amountPaise: Paise;
  /** When it is due, in words: "at admission", "each semester", "semester 3". */
  due?: string;
}

export function feeTotal(components: Pick<FeeComponent, 'amountPaise'>[]): Paise {
  return components.reduce((total, component) => total + component.amountPaise, 0);
}

export const COMPARISON_MIN_PROGRAMS = 2;
export const COMPARISON_MAX_PROGRAMS = 5;
export const COMPARISON_VALID_DAYS = 30;
