import { useCan, useGo, useList } from '@refinedev/core';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { FeeStructureView } from '@advisordesk/shared';
import { FeeBreakdown } from '../../fee-structures/components/fee-breakdown';
import { CurrentTag, emiColumn, FeeTotal } from '../../fee-structures/components/fee-cells';

const period = (fee: Pick<FeeStructureView, 'validFrom' | 'validTo'>) =>
  fee.validFrom || fee.validTo ? `${fee.validFrom ?? '…'} to ${fee.validTo ?? '…'}` : 'No dates set';

/** Every fee structure of a program: the current one of each session and the history it replaced. */
export function FeeHistory({ programId }: { programId: string }) {
  const go = useGo();
  const phone = Grid.useBreakpoint().sm === false;
  const { data: createAccess } = useCan({ resource: 'fee-structures', action: 'create' });
  const canEdit = createAccess?.can === true;
  const {
    result: { data: fees },
    query: { isLoading },
  } = useList<FeeStructureView>({
    resource: 'fee-structures',
    filters: [{ field: 'programId', operator: 'eq', value: programId }],
    sorters: [
      { field: 'session', order: 'desc' },
      { field: 'createdAt', order: 'desc' },
    ],
    pagination: { mode: 'off' },
  });

  const columns: TableColumnsType<FeeStructureView> = [
    {
      title: 'Session',
      dataIndex: 'session',
      key: 'session',
      render: (_, fee) => (
        <Space size={4} wrap>
          <Typography.Text strong>{fee.session}</Typography.Text>
          <CurrentTag current={fee.isCurrent} />
        </Space>
      ),
    },
    {
      title: 'Total',
      dataIndex: 'totalPaise',
      key: 'totalPaise',
      align: 'right',
      render: (value: number) => <FeeTotal paise={value} />,
    },
    { title: 'Components', key: 'components', responsive: ['md'], render: (_, fee) => fee.components.length },
    { title: 'Valid', key: 'valid', responsive: ['lg'], render: (_, fee) => <span style={{ whiteSpace: 'nowrap' }}>{period(fee)}</span> },
    emiColumn(),
    ...(canEdit
      ? [
          {
            title: <span className="sr-only">Actions</span>,
            key: 'actions',
            align: 'right' as const,
            render: (_: unknown, fee: FeeStructureView) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={`Edit the ${fee.session} fee structure`}
                onClick={() => go({ to: `/fee-structures/edit/${fee.id}` })}
              >
                {phone ? null : 'Edit'}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="Fee structures"
      extra={
        canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => go({ to: '/fee-structures/create', query: { programId } })}
            data-testid="add-fee-structure"
          >
            {phone ? 'Add' : 'Add fee structure'}
          </Button>
        )
      }
      styles={{ body: { padding: phone ? 8 : undefined } }}
    >
      <Table<FeeStructureView>
        rowKey="id"
        dataSource={fees}
        loading={isLoading}
        columns={columns}
        pagination={false}
        size="small"
        expandable={{
          expandedRowRender: (fee) => (
            <div style={{ maxWidth: 560 }}>
              <FeeBreakdown components={fee.components} totalPaise={fee.totalPaise} compact />
              {fee.scholarshipNotes && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  Scholarships: {fee.scholarshipNotes}
                </Typography.Paragraph>
              )}
              {phone && <Typography.Text type="secondary">Valid: {period(fee)}</Typography.Text>}
            </div>
          ),
        }}
        locale={{ emptyText: 'No fee structure yet' }}
        data-testid="fee-history"
      />
    </Card>
  );
}
