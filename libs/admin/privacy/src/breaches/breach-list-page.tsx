import { getDefaultSortOrder, useTable } from '@refinedev/antd';
import { useGo } from '@refinedev/core';
import { Link } from 'react-router';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Space, Table, Typography, type TableColumnsType } from 'antd';
import { formatIstDateTime, type BreachView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { listPagination } from '@advisordesk/admin-ui';
import { BREACH_CREATE_PATH, BREACHES_PATH, BreachClockTag, BreachStatusTag, useNow } from './breach-parts';

/** The breach register: every breach, newest discovery first, with the 72-hour clock of its report to the Board. */
export default function BreachListPage() {
  const phone = Grid.useBreakpoint().md === false;
  const go = useGo();
  const now = useNow(60_000);
  const { tableProps, sorters } = useTable<BreachView, ApiRequestError>({
    resource: 'breaches',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'discoveredAt', order: 'desc' }] },
  });

  const columns: TableColumnsType<BreachView> = [
    {
      title: 'Discovered (IST)',
      dataIndex: 'discoveredAt',
      key: 'discoveredAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('discoveredAt', sorters),
      render: (value: string) => <span style={{ whiteSpace: phone ? 'normal' : 'nowrap' }}>{formatIstDateTime(value, { now })}</span>,
    },
    {
      title: 'What happened',
      dataIndex: 'description',
      key: 'description',
      render: (text: string, record) => (
        <Space direction="vertical" size={4}>
          <Link to={`${BREACHES_PATH}/${record.id}`} style={{ overflowWrap: 'anywhere' }}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: 'inherit' }}>
              {text}
            </Typography.Paragraph>
          </Link>
          {phone && (
            <Flex gap={4} wrap>
              <BreachStatusTag status={record.status} />
              <BreachClockTag breach={record} now={now} />
              <Typography.Text type="secondary">{record.affectedCount.toLocaleString('en-IN')} affected</Typography.Text>
            </Flex>
          )}
        </Space>
      ),
    },
    {
      title: 'Affected',
      dataIndex: 'affectedCount',
      key: 'affectedCount',
      align: 'right',
      responsive: ['md'],
      render: (n: number) => n.toLocaleString('en-IN'),
    },
    {
      title: 'Status',
      dataIndex: 'status',
      key: 'status',
      responsive: ['md'],
      render: (_, record) => <BreachStatusTag status={record.status} />,
    },
    {
      title: 'Report to the Board',
      key: 'clock',
      responsive: ['md'],
      render: (_, record) => <BreachClockTag breach={record} now={now} />,
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Breach register
          </Typography.Title>
          <Typography.Text type="secondary">
            Every personal data breach: whom it affected, and the report the Data Protection Board needs within 72 hours of it becoming known.
          </Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => go({ to: BREACH_CREATE_PATH })}>
          Record a breach
        </Button>
      </Flex>
      <Table<BreachView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        size="small"
        pagination={listPagination(tableProps.pagination, phone)}
        locale={{ emptyText: 'No breaches recorded. When one becomes known, record it here at once: the 72 hours start then.' }}
        data-testid="breach-list"
      />
    </Space>
  );
}
