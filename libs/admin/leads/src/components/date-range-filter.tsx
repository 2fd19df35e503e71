import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PICKER_DAY_FORMAT } from '@advisordesk/admin-ui';

const day = (value: string | undefined): Dayjs | null => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? dayjs(value.slice(0, 10)) : null);

export interface DateRangeFilterProps {
  /** The range's days as the address holds them (`YYYY-MM-DD`, either end may be missing). */
  from: string | undefined;
  to: string | undefined;
  onChange: (from: string | undefined, to: string | undefined) => void;
  placeholder: [string, string];
  label: string;
  /** On a phone: the calendar only, no keyboard over it. */
  phone: boolean;
}

/** A filter of calendar days, either end open (the lead list loads it, with the date picker, when "More filters" opens). */
export default function DateRangeFilter({ from, to, onChange, placeholder, label, phone }: DateRangeFilterProps) {
  const range = [day(from), day(to)] as const;
  return (
    <DatePicker.RangePicker
      value={range[0] || range[1] ? [range[0], range[1]] : null}
      onChange={(next) => onChange(next?.[0]?.format('YYYY-MM-DD'), next?.[1]?.format('YYYY-MM-DD'))}
      allowEmpty={[true, true]}
      format={PICKER_DAY_FORMAT}
      placeholder={placeholder}
      aria-label={label}
      inputReadOnly={phone}
      style={{ flex: '2 1 240px', minWidth: 0 }}
    />
  );
}
