import { useGo, useLink } from '@refinedev/core';
import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Space, Timeline, Typography, type DescriptionsProps } from 'antd';
import { DATA_REQUEST_KIND_LABELS, formatPhone, type DataRequestView } from '@advisordesk/shared';
import { dataSummaryPath } from '../paths';
import { KIND_STEPS, isPending, requestHistory, verificationText } from '../request-text';
import { ResolveButton, VerifyByCallButton } from './request-actions';
import { DueText, RequestStatusTag } from './request-status';

/** One rights request: who asked what, its history, and what staff can do next. */
export function RequestDetail({ request }: { request: DataRequestView }) {
  const Link = useLink();
  const go = useGo();
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: 'Asked for', children: DATA_REQUEST_KIND_LABELS[request.kind] },
    { key: 'status', label: 'Status', children: <RequestStatusTag status={request.status} /> },
    {
      key: 'phone',
      label: 'Phone',
      // An erased lead's request keeps no phone either.
      children: request.phone ? (
        <a href={`tel:${request.phone}`} style={{ whiteSpace: 'nowrap' }}>
          {formatPhone(request.phone)}
        </a>
      ) : (
        <Typography.Text type="secondary">erased</Typography.Text>
      ),
    },
    {
      key: 'lead',
      label: 'Lead',
      children: request.leadId ? (
        <Link to={`/leads/${request.leadId}`}>{request.leadName ?? 'Open the lead'}</Link>
      ) : (
        <Typography.Text type="secondary">Nobody: no lead holds this phone, so we hold nothing about them</Typography.Text>
      ),
    },
    { key: 'verification', label: 'Verification', children: verificationText(request) },
    ...(isPending(request.status) ? [{ key: 'due', label: 'Answer by', children: <DueText request={request} /> }] : []),
  ];

  const history = requestHistory(request);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="data-request-detail">
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 110 } }} />

      {request.message && (
        <div>
          <Typography.Text type="secondary">Their message</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0 0' }} data-testid="data-request-message">
            {request.message}
          </Typography.Paragraph>
        </div>
      )}

      {request.nominee && (
        <Alert
          type="info"
          message="Nominee"
          description={`${request.nominee.name} · ${formatPhone(request.nominee.phone)}`}
          data-testid="data-request-nominee"
        />
      )}

      {isPending(request.status) && (
        <Alert
          type={request.kind === 'erasure' || request.kind === 'withdrawal' ? 'warning' : 'info'}
          showIcon
          message={request.status === 'unverified' ? 'Verify first: call the number and confirm it is them.' : KIND_STEPS[request.kind]}
        />
      )}

      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          History
        </Typography.Title>
        <Timeline
          data-testid="data-request-history"
          items={history.map((event) => ({
            key: event.key,
            color: event.key === 'resolved' ? (request.outcome === 'refused' ? 'red' : 'green') : 'blue',
            children: (
              <div>
                <Typography.Text>{event.text}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {event.at} (IST)
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
        />
        {request.note && (
          <div>
            <Typography.Text type="secondary">Note</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0 0' }} data-testid="data-request-note">
              {request.note}
            </Typography.Paragraph>
          </div>
        )}
      </div>

      <Flex gap={8} wrap>
        {request.status === 'unverified' && <VerifyByCallButton request={request} />}
        {request.kind === 'access' && request.leadId && (
          <Button icon={<FileSearchOutlined />} onClick={() => go({ to: dataSummaryPath(request.id) })} data-testid="data-request-summary">
            View summary
          </Button>
        )}
        {request.status === 'open' && <ResolveButton request={request} />}
      </Flex>
    </Space>
  );
}
