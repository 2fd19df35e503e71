import { useState } from 'react';
import { useInvalidate, useLink, useList, type CrudFilter } from '@refinedev/core';
import { SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, List, Modal, Space, Typography } from 'antd';
import { formatIstDateTime, type TransferDecisionBody, type TransferOutcome, type TransferRequestView } from '@advisordesk/shared';
import { useAccess, useApiMutation, useRefreshLead } from '@advisordesk/admin-data';
import { firstName } from '../timeline-text';

/** The open transfer requests the user may answer or made (`GET /api/transfer-requests`), optionally of one lead. */
export function useTransferRequests(leadId?: string) {
  const filters: CrudFilter[] = leadId ? [{ field: 'leadId', operator: 'eq', value: leadId }] : [];
  return useList<TransferRequestView>({
    resource: 'transfer-requests',
    filters,
    pagination: { currentPage: 1, pageSize: 50 },
    errorNotification: false,
  });
}

/** Approve (the lead moves to the advisor who asked) or decline, with an optional note. */
function useAnswerTransfer() {
  const refreshLead = useRefreshLead();
  const invalidate = useInvalidate();
  const { message, notification } = App.useApp();
  return useApiMutation<TransferRequestView, { request: TransferRequestView; outcome: TransferOutcome; note?: string }>({
    request: ({ request, outcome, note }) => ({
      path: `transfer-requests/${encodeURIComponent(request.id)}/${outcome === 'approved' ? 'approve' : 'decline'}`,
      method: 'post',
      values: outcome === 'declined' && note ? ({ note } satisfies TransferDecisionBody) : {},
    }),
    onSuccess: async (_, { request, outcome }) => {
      await Promise.all([refreshLead(request.leadId), invalidate({ resource: 'transfer-requests', invalidates: ['resourceAll'] })]);
      message.success(
        outcome === 'approved'
          ? `${request.leadName ?? request.leadReference} is now ${firstName(request.requestedByName)}’s lead`
          : `Declined ${firstName(request.requestedByName)}’s request`,
      );
    },
    onError: async (error) => {
      await invalidate({ resource: 'transfer-requests', invalidates: ['resourceAll'] });
      notification.error({ message: 'Could not answer the request', description: error.message });
    },
  });
}

/**
 * Colleagues asking for a lead (a walk-in whose phone was already someone's): the owner and the
 * managers approve or decline; the advisor who asked sees theirs waiting. Shows nothing without requests.
 */
export function TransferRequestsCard({ leadId, title = 'Transfer requests' }: { leadId?: string; title?: string }) {
  const Link = useLink();
  const { user: me, canWrite } = useAccess();
  const managing = canWrite('leadAssignment');
  const {
    result: { data: requests = [] },
  } = useTransferRequests(leadId);
  const answer = useAnswerTransfer();
  const [declining, setDeclining] = useState<TransferRequestView | null>(null);
  const [note, setNote] = useState('');
  if (!requests.length) return null;

  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <SwapOutlined />
          {title}
        </Space>
      }
      data-testid="transfer-requests"
    >
      <List<TransferRequestView>
        dataSource={requests}
        rowKey="id"
        renderItem={(request) => {
          const mine = request.requestedById === me?.id;
          const mayAnswer = !mine && (managing || request.ownerId === me?.id);
          const busy = answer.isPending && answer.variables?.request.id === request.id;
          const lead = request.leadName ? (
            <Link to={`/leads/${request.leadId}`}>{request.leadName}</Link>
          ) : (
            <Typography.Text>{request.leadReference}</Typography.Text>
          );
          return (
            <List.Item data-testid="transfer-request" style={{ display: 'block' }}>
              <Typography.Text>
                {mine ? (
                  <>
                    You asked {request.ownerName ?? 'a manager'} for {lead}
                  </>
                ) : (
                  <>
                    <Typography.Text strong>{request.requestedByName}</Typography.Text> asks for {leadId ? 'this lead' : lead}
                    {managing && request.ownerName && request.ownerId !== me?.id ? ` (${request.ownerName}’s)` : ''}
                  </>
                )}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatIstDateTime(request.createdAt)}
                  {mine ? ' · waiting for an answer' : ''}
                </Typography.Text>
              </div>
              {request.note && (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} type="secondary">
                  “{request.note}”
                </Typography.Paragraph>
              )}
              {mayAnswer && (
                <Flex gap={8} wrap style={{ marginTop: 8 }}>
                  <Button
                    type="primary"
                    size="small"
                    loading={busy && answer.variables?.outcome === 'approved'}
                    onClick={() => answer.mutate({ request, outcome: 'approved' })}
                    aria-label={`Approve ${request.requestedByName}’s request`}
                  >
                    Approve
                  </Button>
                  <Button
                    size="small"
                    loading={busy && answer.variables?.outcome === 'declined'}
                    onClick={() => {
                      setNote('');
                      setDeclining(request);
                    }}
                    aria-label={`Decline ${request.requestedByName}’s request`}
                  >
                    Decline
                  </Button>
                </Flex>
              )}
            </List.Item>
          );
        }}
      />
      <Modal
        open={declining !== null}
        title={declining ? `Decline ${firstName(declining.requestedByName)}’s request?` : undefined}
        okText="Decline"
        okButtonProps={{ danger: true }}
        cancelText="Cancel"
        onCancel={() => setDeclining(null)}
        onOk={() => {
          if (declining) answer.mutate({ request: declining, outcome: 'declined', note: note.trim() || undefined });
          setDeclining(null);
        }}
        destroyOnHidden
      >
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Why (optional): they see it on the lead's timeline"
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={500}
          aria-label="Why you decline (optional)"
        />
      </Modal>
    </Card>
  );
}
