import { useCreate, useDelete, useGo, useList, type CrudFilter, type CrudOperators, type CrudSort } from '@refinedev/core';
import type { CreateSavedViewBody, SavedView, SavedViewResource } from '@advisordesk/shared';
import { useAccess } from './access';
import type { ApiRequestError } from './api-error';

/** The user's own views of a list and the shared ones (`GET /api/saved-views?resource=…`). */
export function useSavedViews(resource: SavedViewResource, enabled = true) {
  const { result, query } = useList<SavedView>({
    resource: 'saved-views',
    filters: [{ field: 'resource', operator: 'eq', value: resource }],
    pagination: { mode: 'off' },
    queryOptions: { enabled },
    errorNotification: false,
  });
  return { views: result.data ?? [], isLoading: query.isLoading, isError: query.isError };
}

const OPERATORS: Record<string, CrudOperators> = { _ne: 'ne', _gte: 'gte', _lte: 'lte', _like: 'contains' };

/**
 * A list's query string as the API reads it (what `listQuery` writes, plus `columns`), read back
 * into the list's filters, sort and chosen columns: `status=new&status=contacted` is "any of".
 */
export function readListQuery(query: string): { filters: CrudFilter[]; sorters: CrudSort[]; columns?: string } {
  const params = new URLSearchParams(query);
  const filters: CrudFilter[] = [];
  for (const key of new Set(params.keys())) {
    if (key === '_sort' || key === '_order' || key === 'columns') continue;
    const values = params.getAll(key);
    const match = /^(.+?)(_ne|_gte|_lte|_like)?$/.exec(key);
    const field = match?.[1] ?? key;
    const operator = match?.[2] ? OPERATORS[match[2]] : values.length > 1 ? 'in' : 'eq';
    filters.push({ field, operator, value: operator === 'in' ? values : values[0] } as CrudFilter);
  }
  const fields = params.get('_sort')?.split(',').filter(Boolean) ?? [];
  const orders = params.get('_order')?.split(',') ?? [];
  const sorters = fields.map((field, i) => ({ field, order: orders[i] === 'desc' ? 'desc' : 'asc' }) as CrudSort);
  return { filters, sorters, columns: params.get('columns') ?? undefined };
}

/** The address that opens a saved view: its list with the view's filters, sort and columns (`view` makes the list start afresh). */
export function useSavedViewPath() {
  const go = useGo();
  return (view: Pick<SavedView, 'id' | 'query'>, to: string): string => {
    const { filters, sorters, columns } = readListQuery(view.query);
    return go({ to, type: 'path', query: { filters, sorters, ...(columns ? { columns } : {}), view: view.id } }) ?? to;
  };
}

/** Saves the current query of a list as a view; deletes one. Answers what the screen needs to say. */
export function useSavedViewChanges(resource: SavedViewResource) {
  const { accessOf } = useAccess();
  const { mutateAsync } = useCreate<SavedView, ApiRequestError, CreateSavedViewBody>().mutation;
  const { mutate: remove } = useDelete();
  const mayShare = accessOf('savedViews') === 'all';
  return {
    mayShare,
    mayDelete: (view: SavedView) => view.mine || (view.shared && mayShare),
    save: (name: string, query: string, shared: boolean) =>
      mutateAsync({
        resource: 'saved-views',
        values: { name: name.trim(), resource, query, ...(shared ? { shared } : {}) },
        successNotification: false,
        errorNotification: false,
      }),
    remove: (view: SavedView) => remove({ resource: 'saved-views', id: view.id, successNotification: false }),
  };
}
