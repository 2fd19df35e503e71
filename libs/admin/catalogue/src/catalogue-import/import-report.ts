import type { ApiRequestError } from '@advisordesk/admin-data';

/** `POST /api/catalogue/import` answers this when every row is good. */
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  universities: { rows: number; create: number; update: number };
  programs: { rows: number; create: number; update: number };
  feeStructures: { create: number; unchanged: number };
  errors: ImportProblem[];
}

export interface ImportProblem {
  file: string;
  line: number | null;
  field: string;
  message: string;
}

/**
 * A refused import names each problem as `programs:56:level` (file, line, field); the HTTP client
 * groups them by that name. Back to one row per problem, in file and line order.
 */
export function importProblems(error: Pick<ApiRequestError, 'errors' | 'message'> | null | undefined): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [key, messages] of Object.entries(error?.errors ?? {})) {
    const match = /^([^:]+):(\d+):(.*)$/.exec(key);
    const list = Array.isArray(messages) ? messages : [messages];
    for (const message of list) {
      const text = typeof message === 'string' ? message : String((message as { message?: string })?.message ?? message);
      problems.push(match ? { file: match[1], line: Number(match[2]), field: match[3], message: text } : { file: '', line: null, field: key, message: text });
    }
  }
  const order = (file: string) => (file === 'universities' ? 0 : file === 'programs' ? 1 : 2);
  return problems.sort((a, b) => order(a.file) - order(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
