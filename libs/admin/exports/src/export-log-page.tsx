import { useMemo } from 'react';
import { useGetIdentity, useList } from '@refinedev/core';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Grid, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatIstDateTime, type ExportRecordView, type UserView } from '@advisordesk/shared';
import { ForbiddenPage, RoleTag } from '@advisordesk/admin-ui';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { describeExportFilters, describeExportSort } from './describe-filters';

const STATUS: Record<ExportRecordView['status'], { badge: 'processing' | 'success' | 'error'; text: string; help: string }> = {
  running: { badge: 'processing', text: 'Running', help: 'The file is still being written' },
  done: { badge: 'success', text: 'Done', help: 'Every row was sent' },
  failed: { badge: 'error', text: 'Stopped', help: 'Ended before the last row: cancelled, or the connection dropped' },
};

/** Exports still running are checked every few seconds; one stuck for ten minutes is not worth polling for. */
const POLL_MS = 3_000;
const POLL_WINDOW_MS = 10 * 60_000;

function tookText(record: ExportRecordView): string | null {
  if (!record.finishedAt) return null;
  const ms = Date.parse(record.finishedAt) - Date.parse(record.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return null;
  return ms < 1_000 ? 'under a second' : ms < 60_000 ? `${Math.round(ms / 1_000)} s` : `${Math.round(ms / 60_000)} min`;
}

export function FilterTags({ record, advisorNames }: { record: ExportRecordView; advisorNames: Map<string, string> }) {
  const parts = describeExportFilters(record.filters, advisorNames);
  const sort = describeExportSort(record.filters);
  return (
    <Flex gap={4} wrap style={{ minWidth: 0 }}>
      {parts.length === 0 ? (
        <Tag bordered={false}>All leads</Tag>
      ) : (
        parts.map((part) => (
          <Tag key={part} bordered={false} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
            {part}
          </Tag>
        ))
      )}
      {record.userRole === 'marketing' && (
        <Tooltip title="Marketing exports hold only leads who agreed to marketing messages">
          <Tag color="gold" bordered={false} style={{ marginInlineEnd: 0 }}>
            Consented only
          </Tag>
        </Tooltip>
      )}
      {sort && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sort}
        </Typography.Text>
      )}
    </Flex>
  );
}

function StatusBadge({ record }: { record: ExportRecordView }) {
  const status = STATUS[record.status] ?? STATUS.failed;
  return (
    <Tooltip title={status.help}>
      <Badge status={status.badge} text={status.text} />
    </Tooltip>
  );
}

/** Recent lead exports (admins and managers): who exported which filters, when (IST), how many rows. */
export default function ExportListPage() {
  const { data: me, isLoading: identityLoading } = useGetIdentity<UserView>();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const allowed = me?.role === 'admin' || me?.role === 'manager';

  const {
    result: { data: records },
    query: { isLoading, isError, error, refetch, isFetching },
  } = useList<ExportRecordView, ApiRequestError>({
    resource: 'exports',
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: {
      enabled: allowed,
      refetchInterval: (query) => {
        const rows = (query.state.data?.data ?? []) as ExportRecordView[];
        return rows.some((r) => r.status === 'running' && Date.now() - Date.parse(r.startedAt) < POLL_WINDOW_MS) ? POLL_MS : false;
      },
    },
  });
  // Advisor ids in the recorded filters, shown by name.
  const {
    result: { data: advisors },
  } = useList<UserView>({
    resource: 'users',
    filters: [{ field: 'role', operator: 'eq', value: 'advisor' }],
    pagination: { currentPage: 1, pageSize: 200 },
    errorNotification: false,
    queryOptions: { enabled: allowed },
  });
  const advisorNames = useMemo(() => new Map((advisors ?? []).map((a) => [a.id, a.name])), [advisors]);

  if (identityLoading || !me) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!allowed) return <ForbiddenPage />;

  const columns: TableColumnsType<ExportRecordView> = [
    {
      title: 'When (IST)',
      dataIndex: 'startedAt',
      key: 'startedAt',
      render: (value: string, record) => (
        <Space direction="vertical" size={2}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span>
          {tookText(record) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              took {tookText(record)}
            </Typography.Text>
          )}
          {phone && (
            <Space size={6} wrap>
              <Typography.Text strong>{record.userName}</Typography.Text>
              <RoleTag role={record.userRole} />
            </Space>
          )}
          {phone && (
            <Space size={12} wrap>
              <StatusBadge record={record} />
              <Typography.Text>{record.rowCount === null ? '—' : `${record.rowCount.toLocaleString('en-IN')} rows`}</Typography.Text>
            </Space>
          )}
          {phone && <FilterTags record={record} advisorNames={advisorNames} />}
        </Space>
      ),
    },
    {
      title: 'Who',
      key: 'who',
      responsive: ['md'],
      render: (_, record) => (
        <Space size={6} wrap>
          <Typography.Text strong>{record.userName}</Typography.Text>
          <RoleTag role={record.userRole} />
        </Space>
      ),
    },
    { title: 'Filters', key: 'filters', responsive: ['md'], render: (_, record) => <FilterTags record={record} advisorNames={advisorNames} /> },
    {
      title: 'Rows',
      dataIndex: 'rowCount',
      key: 'rowCount',
      align: 'right',
      responsive: ['md'],
      render: (value: number | null, record) => (value === null || (record.status === 'running' && !value) ? '—' : value.toLocaleString('en-IN')),
    },
    { title: 'Status', dataIndex: 'status', key: 'status', responsive: ['md'], render: (_, record) => <StatusBadge record={record} /> },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="exports-page">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Exports
          </Typography.Title>
          <Typography.Text type="secondary">
            The 50 most recent lead exports, newest first. Each export is recorded with its filters and rows.
          </Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} onClick={() => refetch()} loading={isFetching && !isLoading}>
          Refresh
        </Button>
      </Flex>
      <Card styles={{ body: { padding: phone ? 8 : undefined } }}>
        {isError ? (
          <Alert
            type="error"
            showIcon
            message="Could not load the recent exports"
            description={error?.message ?? 'Please try again.'}
            action={
              <Button size="small" onClick={() => refetch()}>
                Try again
              </Button>
            }
          />
        ) : (
          <Table<ExportRecordView>
            rowKey="id"
            columns={columns}
            dataSource={records ?? []}
            loading={isLoading}
            size={phone ? 'small' : 'middle'}
            pagination={(records?.length ?? 0) > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: 'No exports yet. Export CSV on the lead list or on Reports saves the leads matching the filters.' }}
            data-testid="exports-table"
          />
        )}
      </Card>
    </Space>
  );
}
