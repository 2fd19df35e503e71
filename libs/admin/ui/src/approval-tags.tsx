import { Space, Tag, Typography } from 'antd';

const APPROVAL_COLOURS: Record<string, string> = {
  'UGC-entitled': 'blue',
  UGC: 'blue',
  DEB: 'geekblue',
  AICTE: 'purple',
  NAAC: 'green',
  NBA: 'cyan',
  WES: 'gold',
};

/** A university's approvals as tags (UGC-entitled, DEB, AICTE, …). */
export function ApprovalTags({ approvals, empty = '—' }: { approvals: string[] | null | undefined; empty?: string }) {
  if (!approvals?.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {approvals.map((approval) => (
        <Tag key={approval} color={APPROVAL_COLOURS[approval]} bordered={false} style={{ marginInlineEnd: 0 }}>
          {approval}
        </Tag>
      ))}
    </Space>
  );
}
