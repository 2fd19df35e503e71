import { useCallback } from 'react';
import { useInvalidate, useList } from '@refinedev/core';
import type {
  AddShortlistItemBody,
  ComparisonShare,
  CreateComparisonBody,
  ReorderShortlistBody,
  SharedComparison,
  ShortlistItemView,
  SuggestedProgram,
  UpdateShortlistItemBody,
} from '@advisordesk/shared';
import { leadResource, useApiMutation, useRefreshLead, type ApiRequestError } from '@advisordesk/admin-data';

/** A lead's shortlist, its suggestions and its shared comparisons: Refine resources under the lead. */
const shortlistOf = (leadId: string) => leadResource(leadId, 'shortlist');
const suggestionsOf = (leadId: string) => leadResource(leadId, 'shortlist/suggestions');
const comparisonsOf = (leadId: string) => leadResource(leadId, 'comparisons');

export function useShortlist(leadId: string) {
  return useList<ShortlistItemView, ApiRequestError>({ resource: shortlistOf(leadId), pagination: { mode: 'off' }, errorNotification: false });
}

export function useSuggestions(leadId: string, enabled: boolean) {
  return useList<SuggestedProgram, ApiRequestError>({
    resource: suggestionsOf(leadId),
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled },
  });
}

export function useSharedComparisons(leadId: string) {
  return useList<SharedComparison, ApiRequestError>({ resource: comparisonsOf(leadId), pagination: { mode: 'off' }, errorNotification: false });
}

/** Reloads a lead's shortlist (and what depends on it: the suggestions, and the timeline that records each change). */
function useRefreshShortlist() {
  const invalidate = useInvalidate();
  const refreshLead = useRefreshLead();
  return useCallback(
    async (leadId: string) => {
      void invalidate({ resource: suggestionsOf(leadId), invalidates: ['resourceAll'] });
      void refreshLead(leadId);
      await invalidate({ resource: shortlistOf(leadId), invalidates: ['resourceAll'] });
    },
    [invalidate, refreshLead],
  );
}

/** Reloads a lead's shared comparisons (and its timeline, which records each one). */
function useRefreshComparisons() {
  const invalidate = useInvalidate();
  const refreshLead = useRefreshLead();
  return useCallback(
    async (leadId: string) => {
      void refreshLead(leadId);
      await invalidate({ resource: comparisonsOf(leadId), invalidates: ['resourceAll'] });
    },
    [invalidate, refreshLead],
  );
}

type ShortlistChange =
  | ({ kind: 'add' } & AddShortlistItemBody)
  | { kind: 'note'; itemId: string; note: string | null }
  | ({ kind: 'order' } & ReorderShortlistBody)
  | { kind: 'remove'; itemId: string };

/** Every shortlist change answers the whole list; the change is done once the shortlist shows it. */
export function useShortlistChange(leadId: string) {
  const refreshShortlist = useRefreshShortlist();
  return useApiMutation<ShortlistItemView[], ShortlistChange>({
    request: (change) => {
      const path = shortlistOf(leadId);
      switch (change.kind) {
        case 'add':
          return {
            path,
            method: 'post',
            values: { programId: change.programId, ...(change.note ? { note: change.note } : {}) } satisfies AddShortlistItemBody,
          };
        case 'note':
          return { path: `${path}/${change.itemId}`, method: 'patch', values: { note: change.note } satisfies UpdateShortlistItemBody };
        case 'order':
          return { path: `${path}/order`, method: 'put', values: { itemIds: change.itemIds } satisfies ReorderShortlistBody };
        case 'remove':
          return { path: `${path}/${change.itemId}`, method: 'delete' };
      }
    },
    onSuccess: () => refreshShortlist(leadId),
  });
}

export function useCreateComparison(leadId: string) {
  const refreshComparisons = useRefreshComparisons();
  return useApiMutation<ComparisonShare, string[]>({
    request: (programIds) => ({ path: comparisonsOf(leadId), method: 'post', values: { programIds } satisfies CreateComparisonBody }),
    // The link shows at once; the list of shared comparisons catches up behind it.
    onSuccess: () => {
      void refreshComparisons(leadId);
    },
  });
}

/**
 * "Send to a lead" from the compare page: adds the programs to the lead's shortlist (skipping any
 * already there: 409), if asked, then creates the comparison to send.
 */
export function useShareWithLead() {
  const refreshShortlist = useRefreshShortlist();
  const refreshComparisons = useRefreshComparisons();
  const shortlist = useApiMutation<ShortlistItemView[], { leadId: string; programId: string }>({
    request: ({ leadId, programId }) => ({ path: shortlistOf(leadId), method: 'post', values: { programId } satisfies AddShortlistItemBody }),
  });
  const comparison = useApiMutation<ComparisonShare, { leadId: string } & CreateComparisonBody>({
    request: ({ leadId, programIds }) => ({ path: comparisonsOf(leadId), method: 'post', values: { programIds } satisfies CreateComparisonBody }),
  });
  return async ({
    leadId,
    programIds,
    alsoShortlist,
  }: {
    leadId: string;
    programIds: string[];
    alsoShortlist: boolean;
  }): Promise<ComparisonShare> => {
    if (alsoShortlist) {
      for (const programId of programIds) {
        try {
          await shortlist.mutateAsync({ leadId, programId });
        } catch (error) {
          if ((error as ApiRequestError).statusCode !== 409) throw error;
        }
      }
      void refreshShortlist(leadId);
    }
    const share = await comparison.mutateAsync({ leadId, programIds });
    void refreshComparisons(leadId);
    return share;
  };
}
