import { useEffect, useRef, useState } from 'react';
import { useInvalidate, useLink } from '@refinedev/core';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import type { TransferRequestBody, TransferRequestView } from '@advisordesk/shared';
import { useApiMutation, type ApiErrorDetails } from '@advisordesk/admin-data';
import { leadPath } from '../lead-data';
import { firstName } from '../timeline-text';

/**
 * A new lead whose phone is already a lead (`leads.phoneTaken`): whose it is, "Open lead" when the
 * user may, otherwise a request to the owner and the managers to transfer it.
 */
export function PhoneTaken({ taken }: { taken: ApiErrorDetails }) {
  const Link = useLink();
  const invalidate = useInvalidate();
  const [note, setNote] = useState('');
  const [asked, setAsked] = useState<TransferRequestView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const ask = useApiMutation<TransferRequestView, string>({
    request: (leadId) => ({
      path: leadPath(leadId, 'transfer-requests'),
      method: 'post',
      values: (note.trim() ? { note: note.trim() } : {}) satisfies TransferRequestBody,
    }),
    onSuccess: async (request) => {
      setAsked(request);
      setFailure(null);
      await invalidate({ resource: 'transfer-requests', invalidates: ['resourceAll'] });
    },
    onError: (error) => setFailure(error.message),
  });
  // Shown under the form, near "Add lead": brought into view when it appears or changes.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block, not an expression: newer browsers' scrollIntoView answers a promise, which React would take for a cleanup.
    void box.current?.scrollIntoView({ block: 'nearest' });
  }, [asked, taken]);

  const owner = taken.owner?.name;
  const title = owner ? `Already a lead of ${owner}` : 'Already a lead, not assigned to anyone yet';
  const whom = owner ? firstName(owner) : 'your manager';

  let content;
  if (taken.leadId) {
    content = (
      <Alert
        type="info"
        showIcon
        message={title}
        action={
          <Link to={`/leads/${taken.leadId}`}>
            <Button size="small" type="primary">
              Open lead
            </Button>
          </Link>
        }
      />
    );
  } else if (asked) {
    content = (
      <Alert
        type="success"
        showIcon
        message={`Asked ${whom} to transfer it to you`}
        description={`${owner ?? 'Your manager'} and the managers see your request; the lead joins your list once it is approved.`}
      />
    );
  } else {
    const leadId = taken.transferLeadId;
    content = (
      <Alert
        type="warning"
        showIcon
        message={title}
        description={
          <Flex vertical gap={8} style={{ marginTop: 4 }}>
            <Typography.Text>
              Ask {whom} to transfer it to you: {owner ? `${firstName(owner)} and the managers` : 'the managers'} will see the request.
            </Typography.Text>
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              placeholder="A note for them (optional), e.g. “He walked in and asked for me”"
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              aria-label="Note for the transfer request (optional)"
            />
            {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
            <div>
              <Button type="primary" loading={ask.isPending} disabled={!leadId} onClick={() => leadId && ask.mutate(leadId)}>
                Ask {whom} to transfer it
              </Button>
            </div>
          </Flex>
        }
      />
    );
  }
  return (
    <div ref={box} style={{ marginTop: 8 }} data-testid="phone-taken">
      {content}
    </div>
  );
}
