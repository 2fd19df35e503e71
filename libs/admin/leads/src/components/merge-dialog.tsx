import { useEffect, useMemo, useState } from 'react';
import { useInvalidate, useOne } from '@refinedev/core';
import { Alert, App, Grid, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import {
  defaultMergeSide,
  formatInr,
  formatPhone,
  LEAD_MODE_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  LOST_REASON_LABELS,
  MERGE_FIELD_LABELS,
  MERGE_FIELDS,
  MERGE_MOVE_LABELS,
  PROGRAM_LEVEL_LABELS,
  type DuplicateView,
  type LeadView,
  type MergeField,
  type MergeLeadsBody,
  type MergeMoves,
  type MergeSide,
} from '@advisordesk/shared';
import { useApiMutation, useRefreshLead, type ApiRequestError } from '@advisordesk/admin-data';
import { leadPath, STALE_MESSAGE } from '../lead-data';

/** A field's value as the dialog shows it. */
function shown(lead: LeadView, field: MergeField): string {
  const value = lead[field];
  if (value === null || value === undefined || value === '') return '—';
  switch (field) {
    case 'status':
      return LEAD_STATUS_LABELS[lead.status] + (lead.lostReason ? ` (${LOST_REASON_LABELS[lead.lostReason]})` : '');
    case 'advisorId':
      return lead.advisorName ?? 'an advisor';
    case 'level':
      return lead.level ? PROGRAM_LEVEL_LABELS[lead.level] : '—';
    case 'mode':
      return lead.mode ? LEAD_MODE_LABELS[lead.mode] : '—';
    case 'source':
      return LEAD_SOURCE_LABELS[lead.source] ?? lead.source;
    case 'budgetPaise':
      return formatInr(Number(value));
    default:
      return String(value);
  }
}

function movesInWords(moves: MergeMoves): string {
  const parts = (Object.keys(MERGE_MOVE_LABELS) as (keyof MergeMoves)[])
    .filter((key) => moves[key] > 0)
    .map((key) => `${moves[key]} ${MERGE_MOVE_LABELS[key]}`);
  return parts.length ? parts.join(', ') : 'nothing else';
}

/**
 * Merge `suggestion` into `lead` (this page's lead survives): the two side by side, a choice per
 * field that differs, what moves, then the merge. The other lead is gone afterwards.
 */
export function MergeDialog({ lead, suggestion, onClose }: { lead: LeadView; suggestion: DuplicateView | null; onClose: () => void }) {
  const { notification, message } = App.useApp();
  const phone = Grid.useBreakpoint().sm === false;
  const refreshLead = useRefreshLead();
  const invalidate = useInvalidate();
  const otherId = suggestion?.lead.id ?? '';
  const {
    result: other,
    query: { isLoading },
  } = useOne<LeadView, ApiRequestError>({ resource: 'leads', id: otherId, errorNotification: false, queryOptions: { enabled: Boolean(otherId) } });
  const differing = useMemo(() => (other ? MERGE_FIELDS.filter((field) => shown(lead, field) !== shown(other, field)) : []), [lead, other]);
  const [keep, setKeep] = useState<Partial<Record<MergeField, MergeSide>>>({});
  useEffect(() => {
    if (other) setKeep(Object.fromEntries(differing.map((field) => [field, defaultMergeSide(lead, other, field)])));
  }, [other, lead, differing]);

  const merge = useApiMutation<LeadView, MergeLeadsBody>({
    request: (body) => ({ path: leadPath(lead.id, 'merge'), method: 'post', values: body }),
    onSuccess: async (merged) => {
      onClose();
      await Promise.all([refreshLead(lead.id), invalidate({ invalidates: ['all'] })]);
      message.success(`Merged into ${merged.fullName} (${merged.reference})`);
    },
    onError: (error) => {
      if (error.statusCode === 409) void refreshLead(lead.id);
      notification.error({
        message: error.statusCode === 409 && error.code === 'leads.staleVersion' ? STALE_MESSAGE : 'Could not merge',
        description: error.message,
      });
    },
  });

  const title = suggestion ? `Merge ${suggestion.lead.fullName} (${suggestion.lead.reference}) into this lead` : 'Merge';
  return (
    <Modal
      open={Boolean(suggestion)}
      title={title}
      okText="Merge"
      okButtonProps={{ disabled: !other, loading: merge.isPending }}
      cancelText="Cancel"
      width={phone ? undefined : 720}
      onCancel={onClose}
      onOk={() =>
        other &&
        merge.mutate({
          otherId: other.id,
          version: lead.version,
          otherVersion: other.version,
          keep: Object.fromEntries(Object.entries(keep).filter(([, side]) => side === 'other')),
        })
      }
      destroyOnHidden
    >
      {isLoading || !other || !suggestion ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="merge-dialog">
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text strong>{lead.fullName}</Typography.Text> ({lead.reference}) stays;{' '}
            <Typography.Text strong>{other.fullName}</Typography.Text> ({other.reference}) is merged into it and then no longer exists. Its phone{' '}
            {other.phone ? formatPhone(other.phone) : ''} is kept as an alternate phone: enquiries and WhatsApp messages from it come here.
          </Typography.Paragraph>
          {differing.length ? (
            <div>
              <Typography.Text type="secondary">Where they differ, choose what to keep:</Typography.Text>
              {differing.map((field) => (
                <div key={field} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`merge-field-${field}`}>
                  <Typography.Text strong>{MERGE_FIELD_LABELS[field]}</Typography.Text>
                  <Radio.Group
                    value={keep[field] ?? 'this'}
                    onChange={(event) => setKeep((current) => ({ ...current, [field]: event.target.value as MergeSide }))}
                    style={{ display: 'flex', flexDirection: phone ? 'column' : 'row', gap: phone ? 4 : 16, marginTop: 4 }}
                    aria-label={`Keep ${MERGE_FIELD_LABELS[field]}`}
                  >
                    <Radio value="this" style={{ flex: 1, minWidth: 0 }}>
                      <span style={{ wordBreak: 'break-word' }}>This: {shown(lead, field)}</span>
                    </Radio>
                    <Radio value="other" style={{ flex: 1, minWidth: 0 }}>
                      <span style={{ wordBreak: 'break-word' }}>Other: {shown(other, field)}</span>
                    </Radio>
                  </Radio.Group>
                </div>
              ))}
            </div>
          ) : (
            <Typography.Text type="secondary">Their details are the same.</Typography.Text>
          )}
          <Alert
            type="info"
            showIcon
            message={`Moves here: ${movesInWords(suggestion.moves)}`}
            description="Also its comparisons' links, application documents, payments and upload links, consent history and notifications. Consent is never chosen by hand: the more recent record is kept."
          />
        </Space>
      )}
    </Modal>
  );
}
