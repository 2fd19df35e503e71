import { createElement, useCallback, useMemo, useState } from 'react';
import { useApiUrl, useCustom, useInvalidate, type CrudFilters } from '@refinedev/core';
import { Checkbox } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import {
  isBulkOperationQueued,
  type BulkActionBody,
  type BulkOperationQueued,
  type BulkOperationView,
  type BulkResult,
  type LeadView,
} from '@advisordesk/shared';
import { listQuery, useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

/** What a bulk action applies to: the rows ticked (with the versions seen), or every lead the filter matches. */
export type BulkSelection = { kind: 'rows'; ids: string[]; versions: number[] } | { kind: 'filter'; filter: string; total: number };

/**
 * The leads table's selection: ticked rows across pages (each with the version the user saw, so a
 * lead changed since is skipped, not overwritten), or "all N matching this filter". A change of
 * filter starts again.
 */
export function useBulkSelection(filters: CrudFilters) {
  const filter = useMemo(() => {
    try {
      return listQuery(filters, []);
    } catch {
      return null;
    }
  }, [filters]);
  const [rows, setRows] = useState<{ filter: string | null; versions: Map<string, number> }>({ filter, versions: new Map() });
  const [allMatching, setAllMatching] = useState<string | null>(null);
  const versions = rows.filter === filter ? rows.versions : new Map<string, number>();
  const matching = allMatching !== null && allMatching === filter;

  const clear = useCallback(() => {
    setRows({ filter, versions: new Map() });
    setAllMatching(null);
  }, [filter]);

  const rowSelection: TableRowSelection<LeadView> = {
    selectedRowKeys: [...versions.keys()],
    preserveSelectedRowKeys: true,
    // The row opens the lead; ticking its box must not.
    onCell: () => ({ onClick: (event) => event.stopPropagation() }),
    // Every lead matching the filter is selected, on every page: each box shows it; unticking one goes back to the ticked rows.
    ...(matching && {
      columnTitle: createElement(Checkbox, {
        checked: true,
        onChange: () => setAllMatching(null),
        title: 'Every lead matching this filter is selected',
      }),
      renderCell: () => createElement(Checkbox, { checked: true, onChange: () => setAllMatching(null) }),
    }),
    onChange: (keys, selected) => {
      const next = new Map<string, number>();
      const seen = new Map(selected.filter(Boolean).map((lead) => [lead.id, lead.version]));
      for (const key of keys as string[]) {
        const version = seen.get(key) ?? versions.get(key);
        if (version !== undefined) next.set(key, version);
      }
      setRows({ filter, versions: next });
      setAllMatching(null);
    },
  };

  const selection = (total: number): BulkSelection | null =>
    matching && filter !== null
      ? { kind: 'filter', filter, total }
      : versions.size
        ? { kind: 'rows', ids: [...versions.keys()], versions: [...versions.values()] }
        : null;

  return {
    rowSelection,
    /** How many rows are ticked. */
    ticked: versions.size,
    /** "Select all N matching this filter" is on. */
    matching,
    /** A filter the API can apply (no "or" groups): "all matching" is offered only then. */
    canSelectMatching: filter !== null,
    selectMatching: () => setAllMatching(filter),
    selection,
    clear,
  };
}

/** The body of `POST /api/leads/bulk` for a selection and an action's fields. */
export function bulkBody(selection: BulkSelection, action: Omit<BulkActionBody, 'ids' | 'filter' | 'versions'>): BulkActionBody {
  return selection.kind === 'rows' ? { ids: selection.ids, versions: selection.versions, ...action } : { filter: selection.filter, ...action };
}

/** Sends a bulk action; the answer is the result, or a background operation to follow with `useBulkOperation`. */
export function useRunBulkAction() {
  return useApiMutation<BulkResult | BulkOperationQueued, BulkActionBody>({
    request: (body) => ({ path: 'leads/bulk', method: 'post', values: body }),
  });
}

/** A background operation, read every second until it is done or failed (its progress bar). */
export function useBulkOperation(operationId: string | null) {
  const apiUrl = useApiUrl();
  const { query } = useCustom<BulkOperationView, ApiRequestError>({
    url: `${apiUrl}/leads/bulk/${encodeURIComponent(operationId ?? '')}`,
    method: 'get',
    errorNotification: false,
    queryOptions: {
      enabled: operationId !== null,
      queryKey: ['leads', 'bulk', operationId],
      refetchInterval: (current) => {
        const status = (current.state.data?.data as BulkOperationView | undefined)?.status;
        return status === 'done' || status === 'failed' ? false : 1000;
      },
    },
  });
  return { operation: operationId ? query.data?.data : undefined, error: query.error };
}

/** After a bulk action: the lead lists, the board and the follow-ups read again. */
export function useRefreshLeadLists() {
  const invalidate = useInvalidate();
  return useCallback(
    () =>
      Promise.all([invalidate({ resource: 'leads', invalidates: ['resourceAll'] }), invalidate({ resource: 'tasks', invalidates: ['resourceAll'] })]),
    [invalidate],
  );
}

export { isBulkOperationQueued };
