import { Flex, Tag, Typography } from 'antd';
import { formatInr, formatInrShort, type ProgramView } from '@advisordesk/shared';
import { ApprovalTags } from '@advisordesk/admin-ui';
import type { ComparisonRow } from '../comparison-rows';

/** One fact of one program, shown richly where it helps (fees, approvals). */
export function ComparisonCell({ row, program, lowest }: { row: ComparisonRow; program: ProgramView; lowest: boolean }) {
  const fee = program.currentFee;
  switch (row.key) {
    case 'fee':
      return fee ? (
        <Flex vertical gap={2}>
          <span>
            <Typography.Text strong style={{ fontSize: 16, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {formatInr(fee.totalPaise)}
            </Typography.Text>{' '}
            {fee.totalPaise >= 1_00_000_00 && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                ({formatInrShort(fee.totalPaise)})
              </Typography.Text>
            )}
          </span>
          <span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Session {fee.session}
            </Typography.Text>{' '}
            {lowest && (
              <Tag color="green" bordered={false}>
                Lowest fee
              </Tag>
            )}
          </span>
        </Flex>
      ) : (
        <Typography.Text type="secondary">Fee on request</Typography.Text>
      );
    case 'components':
      return fee ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {fee.components.map((c, index) => (
            <li key={`${c.label}-${index}`} style={{ padding: '1px 0' }}>
              <Flex justify="space-between" gap={8}>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {c.label}
                  {c.due ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {' '}
                      · {c.due}
                    </Typography.Text>
                  ) : null}
                </span>
                <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatInr(c.amountPaise)}</span>
              </Flex>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      );
    case 'approvals':
      return <ApprovalTags approvals={program.approvals} />;
    case 'eligibility':
    case 'specialisations':
      return <span style={{ overflowWrap: 'anywhere', fontSize: 13 }}>{row.text(program)}</span>;
    default:
      return <span>{row.text(program)}</span>;
  }
}
