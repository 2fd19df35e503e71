import { App } from 'antd';
import { LEAD_STATUS_LABELS, LOST_REASON_LABELS, type LeadView, type StatusChangeBody } from '@advisordesk/shared';
import { useApiMutation, useRefreshLead } from '@advisordesk/admin-data';
import { leadPath, STALE_MESSAGE } from './lead-data';

export interface StatusMove {
  lead: Pick<LeadView, 'id' | 'fullName' | 'status' | 'version'>;
  change: Omit<StatusChangeBody, 'version'>;
}

/**
 * Moves a lead through the pipeline with the version last read. A stale version (409) reloads the
 * lead everywhere and says so; a refusal (403, 400) shows the API's own words.
 */
export function useChangeStatus(options: { onStale?: (move: StatusMove) => void } = {}) {
  const refreshLead = useRefreshLead();
  const { message, notification } = App.useApp();
  return useApiMutation<LeadView, StatusMove>({
    request: ({ lead, change }) => ({ path: leadPath(lead.id, 'status'), method: 'post', values: { ...change, version: lead.version } }),
    onSuccess: async (updated, { lead }) => {
      await refreshLead(lead.id);
      const reason = updated.status === 'lost' && updated.lostReason ? ` (${LOST_REASON_LABELS[updated.lostReason]})` : '';
      message.success(`${lead.fullName}: ${LEAD_STATUS_LABELS[lead.status]} → ${LEAD_STATUS_LABELS[updated.status]}${reason}`);
    },
    onError: async (error, move) => {
      if (error.statusCode === 409) {
        await refreshLead(move.lead.id);
        notification.warning({
          key: `stale-${move.lead.id}`,
          message: STALE_MESSAGE,
          description: `${error.message}. Look at ${move.lead.fullName} again and repeat the move if it still applies.`,
        });
        options.onStale?.(move);
        return;
      }
      notification.error({ message: 'Could not change the status', description: error.message });
    },
  });
}
