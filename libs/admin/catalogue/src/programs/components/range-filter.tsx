import { useEffect, useState } from 'react';
import { Flex, InputNumber, Typography } from 'antd';

/**
 * A from–to pair of numbers that applies on Enter or when the field is left, so the list is not
 * fetched for every digit typed.
 */
export function RangeFilter({
  label,
  from,
  to,
  onChange,
  prefix,
  suffix,
  min = 0,
  formatter,
  parser,
  style,
}: {
  label: string;
  from?: number;
  to?: number;
  onChange: (from: number | undefined, to: number | undefined) => void;
  prefix?: string;
  suffix?: string;
  min?: number;
  formatter?: (value: number | undefined) => string;
  parser?: (text: string | undefined) => number;
  style?: React.CSSProperties;
}) {
  const [low, setLow] = useState<number | null>(from ?? null);
  const [high, setHigh] = useState<number | null>(to ?? null);
  useEffect(() => setLow(from ?? null), [from]);
  useEffect(() => setHigh(to ?? null), [to]);
  const apply = () => {
    const a = low ?? undefined;
    const b = high ?? undefined;
    if (a !== from || b !== to) onChange(a, b);
  };
  const common = {
    min,
    prefix,
    suffix,
    controls: false,
    formatter,
    parser,
    onPressEnter: apply,
    onBlur: apply,
    style: { flex: 1, minWidth: 0 },
  } as const;
  return (
    <Flex align="center" gap={6} style={style} role="group" aria-label={label}>
      <InputNumber<number> {...common} value={low} onChange={setLow} placeholder="from" aria-label={`${label} from`} />
      <Typography.Text type="secondary">–</Typography.Text>
      <InputNumber<number> {...common} value={high} onChange={setHigh} placeholder="to" aria-label={`${label} to`} />
    </Flex>
  );
}
