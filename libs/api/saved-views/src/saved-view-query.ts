import { AppError, CommonErrors, isBuiltInKey, parseListQuery, unusableInput, type ListSpec } from '@advisordesk/api-core';
import { APPLICATION_LIST } from '@advisordesk/api-applications';
import { LEAD_LIST, TASK_LIST } from '@advisordesk/api-leads';
import { firstFilterOutside, LEAD_LIST_COLUMNS, SAVED_VIEW_QUERY_MAX_LENGTH, SEGMENT_FILTERS, type SavedViewResource } from '@advisordesk/shared';

/** The list each kind of view opens, whose filters and sorts its query may name. Segments are marketing's lead export. */
const LISTS: Record<SavedViewResource, ListSpec> = { leads: LEAD_LIST, segments: LEAD_LIST, applications: APPLICATION_LIST, tasks: TASK_LIST };

function refuse(name: string, message: string): AppError {
  const field = name ? `query.${name}` : 'query';
  return new AppError(CommonErrors.validation, [{ field, message }], message);
}

/** One `key=value` of a query string, decoded as a browser's URLSearchParams would, but refusing what cannot be decoded. */
function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw refuse('', `query is not a valid query string (bad percent-encoding in “${part.slice(0, 40)}”)`);
  }
}

/**
 * Checks a saved view's query string against the list it opens, as that list would read it: every
 * name a filter, sort or `columns` the list knows (segments: the lead export's segment filters only),
 * every value one the list accepts. Answers the query as it will be stored (no leading `?`);
 * anything else is a 400 naming the parameter.
 */
export function checkSavedViewQuery(resource: SavedViewResource, raw: string): string {
  const query = raw.trim().replace(/^\?/, '');
  if (query.length > SAVED_VIEW_QUERY_MAX_LENGTH) throw refuse('', `query is too long (at most ${SAVED_VIEW_QUERY_MAX_LENGTH} characters)`);
  const params: Record<string, string | string[]> = Object.create(null);
  for (const part of query ? query.split('&') : []) {
    if (!part) continue;
    const at = part.indexOf('=');
    const key = decode(at < 0 ? part : part.slice(0, at));
    const value = decode(at < 0 ? '' : part.slice(at + 1));
    // Text PostgreSQL cannot store (NUL, unpaired surrogates), as the validation pipe refuses it in a body.
    const problem = unusableInput(key, 'query')[0] ?? unusableInput(value, key ? `query.${key}` : 'query')[0];
    if (problem) throw new AppError(CommonErrors.validation, [problem], problem.message);
    if (!key) throw refuse('', 'query has a parameter without a name');
    if (isBuiltInKey(key)) throw refuse(key, `${key} is not a known filter`);
    if (key === '_start' || key === '_end') throw refuse(key, `${key}: a view keeps filters, sort and columns, not a page`);
    const before = params[key];
    params[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }

  const { columns, ...list } = params;
  if (columns !== undefined) {
    if (resource !== 'leads') throw refuse('columns', 'columns: only a lead list view chooses its columns');
    const names = (Array.isArray(columns) ? columns : [columns]).join(',').split(',');
    const unknown = names.find((name) => !(LEAD_LIST_COLUMNS as readonly string[]).includes(name));
    if (unknown !== undefined) throw refuse('columns', `columns: ${unknown || 'an empty name'} is not a column (${LEAD_LIST_COLUMNS.join(', ')})`);
  }
  if (resource === 'segments') {
    // A segment is a group of people, never a person: the same rule as marketing's export.
    const outside = firstFilterOutside(
      Object.keys(list).filter((key) => key !== '_sort' && key !== '_order'),
      SEGMENT_FILTERS,
    );
    if (outside) throw refuse(outside, `${outside}: a segment filters by ${SEGMENT_FILTERS.join(', ')} only, never by person`);
  }
  try {
    parseListQuery(list, LISTS[resource]);
  } catch (error) {
    const field = error instanceof AppError ? error.fields?.[0] : undefined;
    if (field) throw refuse(field.field, field.message);
    throw error;
  }
  return query;
}
