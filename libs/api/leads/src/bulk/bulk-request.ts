import { BULK_ACTION_FIELDS, BULK_ACTIONS, type BulkAction, type BulkActionBody, type BulkSkip, type BulkSkipReason } from '@advisordesk/shared';
import { fieldError } from '@advisordesk/api-core';

/** What an action needs besides the selection; kept with a background operation (`bulk_operations.params`). */
export type BulkParams = Pick<BulkActionBody, 'advisorId' | 'status' | 'lostReason' | 'note' | 'dueAt' | 'text'>;

/** The lead list's paging and sorting: a selection by filter is every lead it matches, in no page. */
const PAGING = ['_start', '_end', '_sort', '_order'];

/**
 * The rules of a bulk request that one field's decorators cannot say, each a 400 naming the field:
 * exactly one of `ids` or `filter`, `versions` aligned with `ids`, only the fields of the action,
 * and the ones it needs. Answers the action's parameters.
 */
export function checkBulkRequest(body: BulkActionBody): BulkParams {
  if ((body.ids === undefined) === (body.filter === undefined)) throw fieldError('ids', 'ids or filter is required (one of them, not both)');
  if (body.versions !== undefined) {
    if (!body.ids) throw fieldError('versions', 'versions go with ids (the version of each lead, in the same order)');
    if (body.versions.length !== body.ids.length) throw fieldError('versions', `versions must have one version per id (${body.ids.length})`);
  }
  const action: BulkAction = body.action;
  const allowed: readonly string[] = BULK_ACTION_FIELDS[action];
  for (const other of BULK_ACTIONS)
    for (const field of BULK_ACTION_FIELDS[other])
      if (!allowed.includes(field) && body[field] !== undefined) throw fieldError(field, `${field} does not go with action ${action}`);
  const required = (field: keyof BulkParams, why: string) => {
    if (body[field] === undefined || (typeof body[field] === 'string' && !String(body[field]).trim())) throw fieldError(field, why);
  };
  if (action === 'assign') required('advisorId', 'advisorId is required to assign leads');
  if (action === 'status') {
    required('status', 'status is required to change the status');
    if (body.status === 'lost') required('lostReason', 'lostReason is required when leads are lost');
    else if (body.lostReason !== undefined) throw fieldError('lostReason', 'lostReason goes with status lost');
  }
  if (action === 'followUp') required('dueAt', 'dueAt is required to schedule a follow-up');
  if (action === 'note') required('text', 'text is required');
  const params: BulkParams = {};
  for (const field of allowed as (keyof BulkParams)[]) if (body[field] !== undefined) Object.assign(params, { [field]: body[field] });
  return params;
}

/** The lead list's query string as the list parser takes it (`status=new&status=contacted` → `{status: ['new', 'contacted']}`), paging left out. */
export function filterQuery(filter: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(filter.replace(/^\?/, ''))) {
    if (PAGING.includes(key)) continue;
    const before = query[key];
    query[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return query;
}

/** The skipped leads in the order they were selected. */
export function skippedInOrder(ids: readonly string[], reasons: ReadonlyMap<string, BulkSkipReason>): BulkSkip[] {
  return ids.flatMap((id) => {
    const reason = reasons.get(id);
    return reason ? [{ id, reason }] : [];
  });
}
