import { useCallback } from 'react';
import { useInvalidate, useList } from '@refinedev/core';
import type { SendWhatsappBody, SharedComparison, WhatsappMessageView, WhatsappQueued } from '@advisordesk/shared';
import { leadResource, useApiMutation, useRefreshLead, type ApiRequestError } from '@advisordesk/admin-data';

/** How often the open conversation asks for new messages and ticks (until the bell pushes them). */
export const CONVERSATION_REFRESH_MS = 4000;

const messagesOf = (leadId: string) => leadResource(leadId, 'messages');

/** A lead's conversation, oldest first, asked for again every few seconds while it is on screen. */
export function useConversation(leadId: string, enabled = true) {
  return useList<WhatsappMessageView, ApiRequestError>({
    resource: messagesOf(leadId),
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled, refetchInterval: CONVERSATION_REFRESH_MS },
  });
}

/** The comparisons shared with the lead (the comparison template sends one of them). */
export function useLeadComparisons(leadId: string, enabled: boolean) {
  return useList<SharedComparison, ApiRequestError>({
    resource: leadResource(leadId, 'comparisons'),
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled },
  });
}

/** After a send or a retry: the conversation, and the lead (its timeline and list badges). */
function useRefreshConversation() {
  const invalidate = useInvalidate();
  const refreshLead = useRefreshLead();
  return useCallback(
    async (leadId: string) => {
      void refreshLead(leadId);
      await invalidate({ resource: messagesOf(leadId), invalidates: ['resourceAll'] });
    },
    [invalidate, refreshLead],
  );
}

/** `POST /api/leads/:id/messages`: text, a template, or a comparison; answers `202` queued. */
export function useSendWhatsapp(leadId: string) {
  const refresh = useRefreshConversation();
  return useApiMutation<WhatsappQueued, SendWhatsappBody>({
    request: (body) => ({ path: messagesOf(leadId), method: 'post', values: body }),
    onSuccess: () => refresh(leadId),
  });
}

/** `POST /api/leads/:id/messages/:messageId/retry`: a failed message queued again. */
export function useRetryWhatsapp(leadId: string) {
  const refresh = useRefreshConversation();
  return useApiMutation<WhatsappQueued, string>({
    request: (messageId) => ({ path: `${messagesOf(leadId)}/${encodeURIComponent(messageId)}/retry`, method: 'post' }),
    onSuccess: () => refresh(leadId),
  });
}
