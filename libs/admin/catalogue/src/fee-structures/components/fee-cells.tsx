import { Tag, Typography, type TableColumnType } from 'antd';
import { formatInr, type FeeFigures, type Paise } from '@advisordesk/shared';

/** Whether students are quoted this fee structure (current) or it was replaced (history). */
export function CurrentTag({ current }: { current: boolean }) {
  return current ? (
    <Tag color="green" bordered={false}>
      Current
    </Tag>
  ) : (
    <Tag bordered={false}>History</Tag>
  );
}

/** A total in a fee table: bold, on one line, with even digits. */
export function FeeTotal({ paise }: { paise: Paise }) {
  return (
    <Typography.Text strong style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatInr(paise)}
    </Typography.Text>
  );
}

/** The EMI column of a fee table. */
export function emiColumn<T extends Pick<FeeFigures, 'emiAvailable'>>(): TableColumnType<T> {
  return { title: 'EMI', dataIndex: 'emiAvailable', key: 'emi', responsive: ['md'], render: (value: boolean) => (value ? 'Yes' : 'No') };
}
