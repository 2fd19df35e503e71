import { useCustom } from '@refinedev/core';
import { Card, Grid, Table, Typography, type TableColumnsType } from 'antd';
import { formatInr, formatIstDateTime } from '@advisordesk/shared';
import { API_URL } from '../../../providers/http-client';
import type { FeeRevision } from '../types';
import { FeeBreakdown } from './fee-breakdown';

/** The figures this fee structure had before each edit, newest first. */
export function FeeRevisions({ feeStructureId, version }: { feeStructureId: string; version?: number }) {
  const phone = Grid.useBreakpoint().sm === false;
  const {
    result,
    query: { isLoading },
  } = useCustom<FeeRevision[]>({
    url: `${API_URL}/fee-structures/${feeStructureId}/revisions`,
    method: 'get',
    // A new version means a new revision: ask again after each save.
    queryOptions: { queryKey: ['data', 'fee-structures', feeStructureId, 'revisions', version] },
  });
  // Refine answers an empty object, not a list, until the request returns.
  const revisions = Array.isArray(result?.data) ? result.data : [];

  const columns: TableColumnsType<FeeRevision> = [
    { title: 'Replaced on', dataIndex: 'changedAt', key: 'changedAt', render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span> },
    { title: 'By', dataIndex: 'changedBy', key: 'changedBy', responsive: ['sm'], render: (value: string | null) => value ?? '—' },
    {
      title: 'Total then',
      dataIndex: 'totalPaise',
      key: 'totalPaise',
      align: 'right',
      render: (value: number) => <Typography.Text strong style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatInr(value)}</Typography.Text>,
    },
    { title: 'EMI', dataIndex: 'emiAvailable', key: 'emi', responsive: ['md'], render: (value: boolean) => (value ? 'Yes' : 'No') },
  ];

  return (
    <Card title="Earlier figures" size="small" style={{ marginTop: 24, maxWidth: 920 }} styles={{ body: { padding: phone ? 8 : undefined } }}>
      <Table<FeeRevision>
        rowKey="id"
        dataSource={revisions}
        columns={columns}
        loading={isLoading}
        pagination={false}
        size="small"
        expandable={{ expandedRowRender: (r) => <div style={{ maxWidth: 560 }}><FeeBreakdown components={r.components} totalPaise={r.totalPaise} compact /></div> }}
        locale={{ emptyText: 'Not edited since it was added' }}
        data-testid="fee-revisions"
      />
    </Card>
  );
}
