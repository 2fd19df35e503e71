import { Typography } from 'antd';
import { formatInr, formatInrShort, type Paise } from '@advisordesk/shared';

/** An amount in paise, shown the Indian way: `₹2,00,000`, or `₹1.5 lakh` when `short` (full figure on hover). */
export function Money({ paise, short = false, strong = false }: { paise: Paise | null | undefined; short?: boolean; strong?: boolean }) {
  const full = formatInr(paise);
  return (
    <Typography.Text strong={strong} title={short ? full : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {short ? formatInrShort(paise) : full}
    </Typography.Text>
  );
}
