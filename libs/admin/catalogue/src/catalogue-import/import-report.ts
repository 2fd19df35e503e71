import type { ImportProblem } from '@advisordesk/shared';
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
