import { useParams } from 'react-router';
import { Link } from 'react-router';
import { useInvalidate, useShow } from '@refinedev/core';
import { ListButton, Show } from '@refinedev/antd';
import { App, Button, Card, Col, Descriptions, Flex, Grid, Popconfirm, Row, Space, Table, Typography } from 'antd';
import { formatIstDateTime, formatIstDay, formatPhone, type BreachDetail, type BreachStatus } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';
import { CopyField } from '@advisordesk/admin-ui';
import { BreachClockTag, BreachStatusTag, useNow } from './breach-parts';

type Affected = BreachDetail['affected'][number];

/** What each status action says, and what it asks before. */
const ACTIONS: Partial<Record<BreachStatus, { to: BreachStatus; label: string; confirm: string; done: string }>> = {
  open: {
    to: 'reported',
    label: 'Mark reported',
    confirm: 'The report went to the Data Protection Board? The time is recorded now.',
    done: 'Marked as reported to the Board',
  },
  reported: { to: 'closed', label: 'Close', confirm: 'Close this breach? Its record stays in the register.', done: 'Breach closed' },
};

/** The two drafts a breach calls for, each to copy and complete. */
const DRAFTS: { key: 'personNotice' | 'boardReport'; title: string; copyAriaLabel: string; description: string; testId: string }[] = [
  {
    key: 'personNotice',
    title: 'Notice to each person',
    copyAriaLabel: 'Copy the notice to each person',
    description: "Plain language, as rule 7(1) asks. {name} stands for each person's first name.",
    testId: 'breach-person-notice',
  },
  {
    key: 'boardReport',
    title: 'Report to the Board',
    copyAriaLabel: 'Copy the report to the Board',
    description: 'The outline rule 7(2) asks for within 72 hours; complete the bracketed parts.',
    testId: 'breach-board-report',
  },
];

/** One breach: the live 72-hour clock, the facts, the status actions, the two drafts to copy, and the affected people. */
export default function BreachShowPage() {
  const { id } = useParams<{ id: string }>();
  const phone = Grid.useBreakpoint().md === false;
  const { message, notification } = App.useApp();
  const invalidate = useInvalidate();
  const now = useNow(30_000);
  const { query } = useShow<BreachDetail, ApiRequestError>({ resource: 'breaches', id });
  const breach = query.data?.data;
  const action = breach && ACTIONS[breach.status];

  const move = useApiMutation<BreachDetail, { status: BreachStatus; version: number }>({
    request: (values) => ({ path: `breaches/${id}`, method: 'patch', values }),
    onSuccess: async () => {
      await invalidate({ resource: 'breaches', id, invalidates: ['detail', 'list'] });
      if (action) message.success(action.done);
    },
    onError: async (error) => {
      notification.error({ message: 'Could not change the status', description: error.message });
      // A 409 means someone else changed it: show it as it is now.
      if (error.statusCode === 409) await invalidate({ resource: 'breaches', id, invalidates: ['detail'] });
    },
  });

  const affectedColumns = [
    {
      title: 'Name',
      dataIndex: 'fullName',
      key: 'fullName',
      render: (name: string, row: Affected) => <Link to={`/leads/${row.leadId}`}>{name}</Link>,
    },
    { title: 'Phone', dataIndex: 'phone', key: 'phone', render: (value: string | null) => (value ? formatPhone(value) : '—') },
    {
      title: 'Email',
      dataIndex: 'email',
      key: 'email',
      responsive: ['md' as const],
      render: (value: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{value ?? '—'}</span>,
    },
  ];

  return (
    <Show
      title={breach ? `Breach known since ${formatIstDay(breach.discoveredAt)}` : 'Breach'}
      breadcrumb={false}
      isLoading={query.isLoading}
      headerButtons={() => <ListButton resource="breaches">Breach register</ListButton>}
    >
      {breach && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Flex gap={8} align="center" wrap>
              <BreachStatusTag status={breach.status} />
              <span style={{ fontSize: 15 }}>
                <BreachClockTag breach={breach} now={now} precise />
              </span>
            </Flex>
            {action && (
              <Popconfirm
                title={action.label}
                description={<div style={{ maxWidth: 280 }}>{action.confirm}</div>}
                okText={action.label}
                cancelText="Cancel"
                onConfirm={() => move.mutate({ status: action.to, version: breach.version })}
              >
                <Button type={action.to === 'reported' ? 'primary' : 'default'} loading={move.isPending}>
                  {action.label}
                </Button>
              </Popconfirm>
            )}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            bordered
            layout={phone ? 'vertical' : 'horizontal'}
            styles={{ label: { width: phone ? undefined : 200 } }}
          >
            <Descriptions.Item label="Became known">{formatIstDateTime(breach.discoveredAt, { now })} IST</Descriptions.Item>
            <Descriptions.Item label="Report due">{formatIstDateTime(breach.reportDueAt, { now })} IST</Descriptions.Item>
            {breach.reportedAt && <Descriptions.Item label="Reported">{formatIstDateTime(breach.reportedAt, { now })} IST</Descriptions.Item>}
            <Descriptions.Item label="What happened">
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {breach.description}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="Personal data concerned">
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{breach.dataConcerned}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Measures taken">
              <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{breach.measures || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Recorded">
              {formatIstDateTime(breach.createdAt, { now })}
              {breach.createdByName ? ` by ${breach.createdByName}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={[16, 16]}>
            {DRAFTS.map((draft) => (
              <Col xs={24} lg={12} key={draft.key}>
                <Card size="small">
                  <CopyField
                    title={draft.title}
                    value={breach[draft.key]}
                    display="text"
                    copyLabel="Copy"
                    copyAriaLabel={draft.copyAriaLabel}
                    description={draft.description}
                    testId={draft.testId}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card
            size="small"
            title={`Affected people: ${breach.affectedCount.toLocaleString('en-IN')}`}
            extra={breach.affectedCount > breach.affected.length ? `The first ${breach.affected.length} by name` : undefined}
          >
            <Table<Affected>
              rowKey="leadId"
              dataSource={breach.affected}
              columns={affectedColumns}
              size="small"
              pagination={breach.affected.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
              locale={{ emptyText: 'No one: the named leads were erased, or no lead was created in the period.' }}
              data-testid="breach-affected"
            />
          </Card>
        </Space>
      )}
    </Show>
  );
}
