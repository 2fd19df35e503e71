/**
 * The catalogue contract: universities, programs and their exact fee structures as the API
 * answers them, the catalogue's vocabulary and labels, and the CSV import's report.
 */
import type { Paise } from '../money';
import type { LeadMode, ProgramLevel } from './leads';

export const OWNERSHIPS = ['central', 'state', 'private', 'deemed', 'platform'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const OWNERSHIP_LABELS: Record<Ownership, string> = {
  central: 'Central',
  state: 'State',
  private: 'Private',
  deemed: 'Deemed',
  platform: 'Platform',
};

export const CREDENTIAL_TYPES = ['degree', 'certification', 'micro-credential'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const CREDENTIAL_TYPE_LABELS: Record<CredentialType, string> = {
  degree: 'Degree',
  certification: 'Certification',
  'micro-credential': 'Micro-credential',
};

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

/** Times are ISO 8601 strings on the wire (the default); the API builds its answers from `Date`s. Dates (`validFrom`) are `YYYY-MM-DD`. */

/** A university or provider, as `GET /api/universities` answers it. */
export interface UniversityView<Time = string> {
  id: string;
  name: string;
  city: string | null;
  state: string | null;
  ownership: Ownership | null;
  approvals: string[];
  naacGrade: string | null;
  nirfRank: number | null;
  nirfCategory: string | null;
  nirfYear: number | null;
  website: string | null;
  sourceUrl: string | null;
  active: boolean;
  createdAt: Time;
  updatedAt: Time;
  version: number;
}

/** What a fee structure says (and what an edit keeps as a revision); dates are `YYYY-MM-DD`. */
export interface FeeFigures {
  components: FeeComponent[];
  /** Always the sum of the components. */
  totalPaise: Paise;
  emiAvailable: boolean;
  scholarshipNotes: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The fee a program has now: the current structure of its latest session (inside a `ProgramView`). */
export interface CurrentFee extends FeeFigures {
  id: string;
  session: string;
}

/** What students compare universities by, shown with each of its programs. */
export type UniversityFacts = Pick<UniversityView, 'ownership' | 'approvals' | 'naacGrade' | 'nirfRank' | 'nirfCategory' | 'nirfYear'>;

/** A program with its university's facts and current fee, as `GET /api/programs` answers it. */
export interface ProgramView<Time = string> extends UniversityFacts {
  id: string;
  universityId: string;
  name: string;
  level: ProgramLevel;
  credentialType: CredentialType | null;
  mode: LeadMode | null;
  durationMonths: number | null;
  credits: number | null;
  stackable: boolean;
  eligibility: string | null;
  specialisations: string[];
  sourceUrl: string | null;
  active: boolean;
  createdAt: Time;
  updatedAt: Time;
  version: number;
  universityName: string;
  universityCity: string | null;
  universityState: string | null;
  currentFee: CurrentFee | null;
}

/** A fee structure of a program for one session, as `GET /api/fee-structures` answers it. */
export interface FeeStructureView<Time = string> extends FeeFigures {
  id: string;
  programId: string;
  programName: string;
  universityName: string;
  session: string;
  isCurrent: boolean;
  createdAt: Time;
  updatedAt: Time;
  version: number;
}

/** The figures a fee structure had before an edit (`GET /api/fee-structures/:id/revisions`), newest first. */
export interface FeeRevisionView<Time = string> extends FeeFigures {
  id: number;
  changedAt: Time;
  changedBy: string | null;
}

/** `POST /api/universities`; an edit (`PATCH /api/universities/:id`) sends any of them with the version read (stale: 409). */
export type UniversityBody = Pick<UniversityView, 'name'> &
  Partial<
    Pick<UniversityView, 'city' | 'state' | 'ownership' | 'approvals' | 'naacGrade' | 'nirfRank' | 'nirfCategory' | 'nirfYear' | 'website' | 'active'>
  >;
export type UpdateUniversityBody = Partial<UniversityBody> & { version: number };

/** `POST /api/programs`; an edit (`PATCH /api/programs/:id`) sends any of them with the version read. */
export type ProgramBody = Pick<ProgramView, 'universityId' | 'name' | 'level'> &
  Partial<Pick<ProgramView, 'credentialType' | 'mode' | 'durationMonths' | 'credits' | 'stackable' | 'eligibility' | 'specialisations' | 'active'>>;
export type UpdateProgramBody = Partial<ProgramBody> & { version: number };

/** `POST /api/fee-structures`: a program's fee for a session, which becomes its current one (a `totalPaise` sent must be the components' sum). */
export type FeeStructureBody = Pick<FeeStructureView, 'programId' | 'session'> &
  Pick<FeeFigures, 'components'> &
  Partial<Omit<FeeFigures, 'components'>>;
/** `PATCH /api/fee-structures/:id`: its figures and dates (the program and session stay), with the version read. */
export type UpdateFeeStructureBody = Partial<Omit<FeeStructureBody, 'programId' | 'session'>> & { version: number };

/**
 * `POST /api/catalogue/import`: the two files as CSV text (either may be left out), the session of rows without one, and whether only
 * to check. `asOf` is when the file was made (ISO time; the screen sends the file's date, else the time it was loaded): applying a file
 * that would replace a fee structure edited in the panel after it is refused (409) unless `overwriteEditedSince` is true.
 */
export interface CatalogueImportBody {
  universities?: string;
  programs?: string;
  defaultSession?: string;
  dryRun?: boolean;
  asOf?: string;
  overwriteEditedSince?: boolean;
}

/** One bad row or field of a catalogue import. */
export interface ImportProblem {
  file: 'universities' | 'programs';
  /** The line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

/** What a row does to the catalogue. */
export type ImportOutcome = 'new' | 'unchanged' | 'updated';

/** A field a row changes, as the catalogue has it and as the file has it (shown as text). */
export interface ImportFieldChange {
  field: string;
  before: string;
  after: string;
}

/** One row of the file and what it does: `changes` lists before → after for an updated row. */
export interface ImportRowChange {
  file: 'universities' | 'programs';
  line: number;
  /** The university's name, or "program — university". */
  name: string;
  outcome: ImportOutcome;
  changes: ImportFieldChange[];
}

/** A program's fee for a session that the file sets: new, unchanged, or replacing the current one (before → after). */
export interface ImportFeeChange {
  line: number;
  programName: string;
  universityName: string;
  session: string;
  outcome: ImportOutcome;
  beforeTotalPaise: Paise | null;
  afterTotalPaise: Paise;
  /** Components whose amount differs, are added or go (amounts in paise). */
  components: { label: string; beforePaise: Paise | null; afterPaise: Paise | null }[];
  /** When the fee it replaces was last written in the panel (ISO), if it was. */
  panelEditedAt: string | null;
  /** It replaces a fee edited in the panel after the file's date: applying needs `overwriteEditedSince`. */
  overwritesPanelEdit: boolean;
}

/** The code of the 409 an import answers when it would replace fees edited in the panel after the file's date. */
export const IMPORT_OVERWRITES_PANEL_EDITS = 'catalogue.overwritesPanelEdits';

export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
}

/**
 * `POST /api/catalogue/import`: what was (or, on a dry run, would be) written, row by row. A refused import is
 * a 400 whose `fields` name each problem as `file:line:field`; one that would overwrite panel edits is a 409
 * (`catalogue.overwritesPanelEdits`) whose `fields` name each fee (`programs:line:fee`).
 */
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  /** The file's date the check used (ISO). */
  asOf: string;
  universities: ImportCounts;
  programs: ImportCounts;
  feeStructures: { create: number; update: number; unchanged: number };
  rows: ImportRowChange[];
  fees: ImportFeeChange[];
  errors: ImportProblem[];
}
