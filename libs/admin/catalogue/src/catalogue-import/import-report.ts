import { formatInr, type ImportFieldChange, type ImportOutcome, type ImportProblem, type ImportReport } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';

/** A problem as the page lists it: a row's (`ImportProblem`), or one of the request's own fields (no file, no line). */
export type ListedProblem = ImportProblem | (Pick<ImportProblem, 'field' | 'message'> & { file: ''; line: null });

const isImportFile = (file: string): file is ImportProblem['file'] => file === 'universities' || file === 'programs';

/**
 * A refused import names each problem as `programs:56:level` (file, line, field); the HTTP client
 * groups them by that name. Back to one row per problem, in file and line order.
 */
export function importProblems(error: Pick<ApiRequestError, 'errors' | 'message'> | null | undefined): ListedProblem[] {
  const problems: ListedProblem[] = [];
  for (const [key, messages] of Object.entries(error?.errors ?? {})) {
    const match = /^([^:]+):(\d+):(.*)$/.exec(key);
    const list = Array.isArray(messages) ? messages : [messages];
    for (const message of list) {
      const text = typeof message === 'string' ? message : String((message as { message?: string })?.message ?? message);
      problems.push(
        match && isImportFile(match[1])
          ? { file: match[1], line: Number(match[2]), field: match[3], message: text }
          : { file: '', line: null, field: key, message: text },
      );
    }
  }
  const order = (file: string) => (file === 'universities' ? 0 : file === 'programs' ? 1 : 2);
  return problems.sort((a, b) => order(a.file) - order(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** One line of the review: a row of a file, or the fee a program row sets, with what it changes. */
export interface ReviewLine {
  key: string;
  file: ImportProblem['file'];
  line: number;
  what: string;
  outcome: ImportOutcome;
  changes: ImportFieldChange[];
  /** A fee edited in the panel after the file's date that this line replaces (ISO), else null. */
  overwritesPanelEditAt: string | null;
}

/** The review of a report in file and line order: each row, then (for a program) its fee, amounts as rupees. */
export function reviewLines(report: Pick<ImportReport, 'rows' | 'fees'>): ReviewLine[] {
  const lines: ReviewLine[] = report.rows.map((r) => ({
    key: `${r.file}:${r.line}`,
    file: r.file,
    line: r.line,
    what: r.name,
    outcome: r.outcome,
    changes: r.changes,
    overwritesPanelEditAt: null,
  }));
  for (const f of report.fees) {
    const changes: ImportFieldChange[] =
      f.outcome === 'updated'
        ? [
            ...(f.beforeTotalPaise !== f.afterTotalPaise
              ? [{ field: 'total', before: formatInr(f.beforeTotalPaise), after: formatInr(f.afterTotalPaise) }]
              : []),
            ...f.components.map((c) => ({ field: c.label, before: formatInr(c.beforePaise), after: formatInr(c.afterPaise) })),
          ]
        : f.outcome === 'new'
          ? [{ field: 'total', before: '—', after: formatInr(f.afterTotalPaise) }]
          : [];
    lines.push({
      key: `programs:${f.line}:fee`,
      file: 'programs',
      line: f.line,
      what: `Fee ${f.session} · ${f.programName} — ${f.universityName}`,
      outcome: f.outcome,
      changes,
      overwritesPanelEditAt: f.overwritesPanelEdit ? f.panelEditedAt : null,
    });
  }
  const order = (file: string) => (file === 'universities' ? 0 : 1);
  return lines.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.key.localeCompare(b.key));
}
