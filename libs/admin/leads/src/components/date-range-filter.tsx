import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PICKER_DAY_FORMAT, type ListFilters } from '@advisordesk/admin-ui';

const day = (value: string | undefined): Dayjs | null => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? dayjs(value.slice(0, 10)) : null);

export interface DateRangeFilterProps {
  filters: ListFilters;
  /** The field filtered by calendar days (`field_gte`, `field_lte` in the address, either end may be missing). */
  field: string;
  /** Also drops an exact filter on the field (e.g. `nextFollowUpAt=…` from a quick filter) when the range changes. */
  replacesExact?: boolean;
  placeholder: [string, string];
  label: string;
  /** On a phone: the calendar only, no keyboard over it. */
  phone: boolean;
}

/** A filter of calendar days, either end open (loaded with the date picker when "More filters" opens). */
export default function DateRangeFilter({ filters: f, field, replacesExact, placeholder, label, phone }: DateRangeFilterProps) {
  const range = [day(f.text(field, 'gte')), day(f.text(field, 'lte'))] as const;
  return (
    <DatePicker.RangePicker
      value={range[0] || range[1] ? [range[0], range[1]] : null}
      onChange={(next) =>
        f.setMany([
          ...(replacesExact ? [{ field, operator: 'eq' as const, value: undefined }] : []),
          { field, operator: 'gte', value: next?.[0]?.format('YYYY-MM-DD') },
          { field, operator: 'lte', value: next?.[1]?.format('YYYY-MM-DD') },
        ])
      }
      allowEmpty={[true, true]}
      format={PICKER_DAY_FORMAT}
      placeholder={placeholder}
      aria-label={label}
      inputReadOnly={phone}
      style={{ flex: '2 1 240px', minWidth: 0 }}
    />
  );
}
