import { getDefaultSortOrder, useTable } from '@refinedev/antd';
import { useGo } from '@refinedev/core';
import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatIstDateTime, type LeadImportView } from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';
import { listPagination } from '@advisordesk/admin-ui';
import { importOutcome } from './import-text';
import { LEAD_IMPORT_PATH } from './paths';

/** Lead imports: admins and managers see everyone's, marketing its own. Paging and sorting live in the address. */
export default function ImportHistoryPage() {
  const phone = Grid.useBreakpoint().md === false;
  const go = useGo();
  const { accessOf } = useAccess();
  const { tableProps, sorters } = useTable<LeadImportView, ApiRequestError>({
    resource: 'lead-imports',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'createdAt', order: 'desc' }] },
  });

  const columns: TableColumnsType<LeadImportView> = [
    {
      title: 'When (IST)',
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('createdAt', sorters),
      render: (value: string, record) => (
        <Space direction="vertical" size={2}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span>
          {phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {record.fileName} · {record.userName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'File',
      dataIndex: 'fileName',
      key: 'fileName',
      responsive: ['md'],
      render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span>,
    },
    { title: 'By', dataIndex: 'userName', key: 'userName', responsive: ['md'] },
    { title: 'Rows', dataIndex: 'rows', key: 'rows', sorter: true, align: 'right', render: (n: number) => n.toLocaleString('en-IN') },
    {
      title: 'Outcome',
      key: 'outcome',
      render: (_, record) => {
        const outcome = importOutcome(record);
        return (
          <Tag color={outcome.refused ? 'red' : 'green'} style={{ whiteSpace: 'normal' }}>
            {outcome.text}
          </Tag>
        );
      },
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Lead imports
          </Typography.Title>
          <Typography.Text type="secondary">
            {accessOf('leadImport') === 'own' ? 'Your imports' : 'Every import'}: who imported which file, when, and what came of it. A refused import
            wrote nothing.
          </Typography.Text>
        </div>
        <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => go({ to: LEAD_IMPORT_PATH })}>
          Import leads
        </Button>
      </Flex>
      <Table<LeadImportView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        size="small"
        pagination={listPagination(tableProps.pagination, phone)}
        locale={{ emptyText: 'No imports yet. Import leads brings in a CSV file or cells pasted from a spreadsheet.' }}
        data-testid="lead-import-history"
      />
    </Space>
  );
}
