import { useList } from '@refinedev/core';
import { Card, Grid, Table, type TableColumnsType } from 'antd';
import { formatIstDateTime, type FeeRevisionView } from '@advisordesk/shared';
import { FeeBreakdown } from './fee-breakdown';
import { emiColumn, FeeTotal } from './fee-cells';

/** The figures this fee structure had before each edit, newest first. */
export function FeeRevisions({ feeStructureId, version }: { feeStructureId: string; version?: number }) {
  const phone = Grid.useBreakpoint().sm === false;
  const {
    result: { data: revisions },
    query: { isLoading },
  } = useList<FeeRevisionView>({
    resource: `fee-structures/${feeStructureId}/revisions`,
    pagination: { mode: 'off' },
    // A new version means a new revision: the version in the query asks again after each save.
    meta: { version },
  });

  const columns: TableColumnsType<FeeRevisionView> = [
    {
      title: 'Replaced on',
      dataIndex: 'changedAt',
      key: 'changedAt',
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span>,
    },
    { title: 'By', dataIndex: 'changedBy', key: 'changedBy', responsive: ['sm'], render: (value: string | null) => value ?? '—' },
    {
      title: 'Total then',
      dataIndex: 'totalPaise',
      key: 'totalPaise',
      align: 'right',
      render: (value: number) => <FeeTotal paise={value} />,
    },
    emiColumn(),
  ];

  return (
    <Card title="Earlier figures" size="small" style={{ marginTop: 24, maxWidth: 920 }} styles={{ body: { padding: phone ? 8 : undefined } }}>
      <Table<FeeRevisionView>
        rowKey="id"
        dataSource={revisions}
        columns={columns}
        loading={isLoading}
        pagination={false}
        size="small"
        expandable={{
          expandedRowRender: (r) => (
            <div style={{ maxWidth: 560 }}>
              <FeeBreakdown components={r.components} totalPaise={r.totalPaise} compact />
            </div>
          ),
        }}
        locale={{ emptyText: 'Not edited since it was added' }}
        data-testid="fee-revisions"
      />
    </Card>
  );
}
