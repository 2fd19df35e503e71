import { Flex, Typography } from 'antd';
import { formatInr, formatInrShort, type FeeComponent, type Paise } from '@advisordesk/shared';

/** A fee's components, each with when it is due, and the total: `₹1,75,000 (₹1.75 lakh)`. */
export function FeeBreakdown({ components, totalPaise, compact = false }: { components: FeeComponent[]; totalPaise: Paise; compact?: boolean }) {
  return (
    <div data-testid="fee-breakdown" style={{ minWidth: 0 }}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {components.map((c, index) => (
          <li key={`${c.label}-${index}`} style={{ padding: compact ? '2px 0' : '4px 0', borderBottom: '1px dashed rgba(5, 5, 5, 0.08)' }}>
            <Flex justify="space-between" gap={12} align="baseline">
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {c.label}
                {c.due && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    · {c.due}
                  </Typography.Text>
                )}
              </span>
              <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatInr(c.amountPaise)}</span>
            </Flex>
          </li>
        ))}
      </ul>
      <Flex justify="space-between" gap={12} align="baseline" style={{ paddingTop: 6 }}>
        <Typography.Text strong>Total</Typography.Text>
        <span style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatInr(totalPaise)}
          </Typography.Text>
          {totalPaise >= 1_00_000_00 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              ({formatInrShort(totalPaise)})
            </Typography.Text>
          )}
        </span>
      </Flex>
    </div>
  );
}
