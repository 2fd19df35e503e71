import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API_URL, httpClient, type ApiRequestError } from '../../../providers/http-client';
import type { Program } from '../../programs/types';

/** One program on a lead's shortlist, with the program and its current fee. */
export interface ShortlistItem {
  id: string;
  leadId: string;
  programId: string;
  rank: number;
  note: string | null;
  createdAt: string;
  program: Program;
}

/** What `POST /api/leads/:id/comparisons` answers: the link to send and a ready WhatsApp message. */
export interface ComparisonShare {
  id: string;
  token: string;
  url: string;
  whatsappUrl: string;
  message: string;
  expiresAt: string;
}

/** A comparison already shared with the lead. */
export interface SharedComparison {
  id: string;
  token: string;
  url: string;
  createdAt: string;
  expiresAt: string;
  viewCount: number;
  lastViewedAt: string | null;
  createdBy: string | null;
  programs: number;
}

// Under 'data', like Refine's own queries, so signing in as someone else drops them.
export const shortlistKey = (leadId: string) => ['data', 'leads', leadId, 'shortlist'] as const;
export const suggestionsKey = (leadId: string) => ['data', 'leads', leadId, 'shortlist', 'suggestions'] as const;
export const comparisonsKey = (leadId: string) => ['data', 'leads', leadId, 'comparisons'] as const;

const base = (leadId: string) => `${API_URL}/leads/${encodeURIComponent(leadId)}`;

export function useShortlist(leadId: string) {
  return useQuery<ShortlistItem[], ApiRequestError>({
    queryKey: shortlistKey(leadId),
    queryFn: async () => (await httpClient.get<ShortlistItem[]>(`${base(leadId)}/shortlist`)).data,
  });
}

export function useSuggestions(leadId: string, enabled: boolean) {
  return useQuery<Program[], ApiRequestError>({
    queryKey: suggestionsKey(leadId),
    queryFn: async () => (await httpClient.get<Program[]>(`${base(leadId)}/shortlist/suggestions`)).data,
    enabled,
  });
}

export function useSharedComparisons(leadId: string) {
  return useQuery<SharedComparison[], ApiRequestError>({
    queryKey: comparisonsKey(leadId),
    queryFn: async () => (await httpClient.get<SharedComparison[]>(`${base(leadId)}/comparisons`)).data,
  });
}

type ShortlistChange =
  | { kind: 'add'; programId: string; note?: string }
  | { kind: 'note'; itemId: string; note: string | null }
  | { kind: 'order'; itemIds: string[] }
  | { kind: 'remove'; itemId: string };

/** Every shortlist change answers the whole list, which replaces the cached one. */
export function useShortlistChange(leadId: string) {
  const client = useQueryClient();
  return useMutation<ShortlistItem[], ApiRequestError, ShortlistChange>({
    mutationFn: async (change) => {
      const url = `${base(leadId)}/shortlist`;
      switch (change.kind) {
        case 'add':
          return (await httpClient.post<ShortlistItem[]>(url, { programId: change.programId, ...(change.note ? { note: change.note } : {}) })).data;
        case 'note':
          return (await httpClient.patch<ShortlistItem[]>(`${url}/${change.itemId}`, { note: change.note })).data;
        case 'order':
          return (await httpClient.put<ShortlistItem[]>(`${url}/order`, { itemIds: change.itemIds })).data;
        case 'remove':
          return (await httpClient.delete<ShortlistItem[]>(`${url}/${change.itemId}`)).data;
      }
    },
    onSuccess: (items) => {
      client.setQueryData(shortlistKey(leadId), items);
      void client.invalidateQueries({ queryKey: suggestionsKey(leadId) });
      // The lead's timeline records shortlist changes.
      void client.invalidateQueries({ queryKey: ['data', 'default', 'leads'] });
    },
  });
}

export function useCreateComparison(leadId: string) {
  const client = useQueryClient();
  return useMutation<ComparisonShare, ApiRequestError, string[]>({
    mutationFn: async (programIds) => (await httpClient.post<ComparisonShare>(`${base(leadId)}/comparisons`, { programIds })).data,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: comparisonsKey(leadId) });
      void client.invalidateQueries({ queryKey: ['data', 'default', 'leads'] });
    },
  });
}

/** Adds programs to a lead's shortlist, skipping any already there (409); answers the final list. */
export async function addToShortlist(leadId: string, programIds: string[]): Promise<ShortlistItem[] | null> {
  let latest: ShortlistItem[] | null = null;
  for (const programId of programIds) {
    try {
      latest = (await httpClient.post<ShortlistItem[]>(`${base(leadId)}/shortlist`, { programId })).data;
    } catch (error) {
      if ((error as ApiRequestError).statusCode !== 409) throw error;
    }
  }
  return latest;
}
