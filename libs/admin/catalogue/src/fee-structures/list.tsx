import { useCan, useGo, useLink } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { EditOutlined } from '@ant-design/icons';
import { Button, Grid, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { FeeStructureView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { FilterSelect, listFilters, listPagination, ListToolbar } from '@advisordesk/admin-ui';
import { FeeBreakdown } from './components/fee-breakdown';
import { CurrentTag, emiColumn, FeeTotal } from './components/fee-cells';

const CURRENT_OPTIONS = [
  { value: 'true', label: 'Current only' },
  { value: 'false', label: 'History only' },
];

/** Every fee structure, by program and session; new ones are added from a program's page. */
export default function FeeStructureListPage() {
  const phone = Grid.useBreakpoint().sm === false;
  const go = useGo();
  const Link = useLink();
  const { data: editAccess } = useCan({ resource: 'fee-structures', action: 'edit' });
  const { tableProps, filters, setFilters, sorters } = useTable<FeeStructureView, ApiRequestError>({
    resource: 'fee-structures',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'universityName', order: 'asc' }] },
    filters: { initial: [{ field: 'isCurrent', operator: 'eq', value: 'true' }] },
  });
  const f = listFilters(filters, setFilters);

  const columns: TableColumnsType<FeeStructureView> = [
    {
      title: 'Program',
      dataIndex: 'programName',
      key: 'programName',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('programName', sorters),
      render: (_, fee) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Link to={`/programs/show/${fee.programId}`} style={{ fontWeight: 600 }}>
            {fee.programName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {fee.universityName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: 'University',
      dataIndex: 'universityName',
      key: 'universityName',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('universityName', sorters),
      responsive: ['xxl'],
    },
    {
      title: 'Session',
      dataIndex: 'session',
      key: 'session',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('session', sorters),
      render: (_, fee) => (
        <Space size={4} wrap>
          {fee.session}
          <CurrentTag current={fee.isCurrent} />
        </Space>
      ),
    },
    {
      title: 'Total',
      dataIndex: 'totalPaise',
      key: 'totalPaise',
      sorter: true,
      align: 'right',
      defaultSortOrder: getDefaultSortOrder('totalPaise', sorters),
      render: (value: number) => <FeeTotal paise={value} />,
    },
    emiColumn(),
    ...(editAccess?.can
      ? [
          {
            title: <span className="sr-only">Actions</span>,
            key: 'actions',
            align: 'right' as const,
            render: (_: unknown, fee: FeeStructureView) => (
              <Button
                icon={<EditOutlined />}
                aria-label={`Edit the ${fee.session} fee of ${fee.programName}`}
                onClick={() => go({ to: `/fee-structures/edit/${fee.id}` })}
              >
                {phone ? null : 'Edit'}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const pagination = listPagination(tableProps.pagination, phone, false);

  return (
    <List title="Fee structures" breadcrumb={false}>
      <ListToolbar filters={f} search={{ placeholder: 'Search program or university', label: 'Search fee structures', flex: '3 1 260px' }}>
        <Input
          defaultValue={f.text('session')}
          key={f.text('session') ?? ''}
          onPressEnter={(event) => f.set('session', (event.target as HTMLInputElement).value.trim())}
          onBlur={(event) => f.set('session', event.target.value.trim())}
          placeholder="Any session"
          aria-label="Filter by session"
          allowClear
          style={{ flex: '1 1 160px', minWidth: 0 }}
        />
        <FilterSelect
          filters={f}
          field="isCurrent"
          options={CURRENT_OPTIONS}
          placeholder="Current and history"
          label="Filter by current or history"
          flex="1 1 160px"
        />
      </ListToolbar>
      <Table<FeeStructureView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        pagination={pagination}
        size={phone ? 'small' : 'middle'}
        expandable={{
          expandedRowRender: (fee) => (
            <div style={{ maxWidth: 560 }}>
              <FeeBreakdown components={fee.components} totalPaise={fee.totalPaise} compact />
            </div>
          ),
        }}
        data-testid="fee-structures-table"
      />
    </List>
  );
}
