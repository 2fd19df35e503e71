import { Select } from 'antd';
import { useSelect } from '@refinedev/antd';
import type { UniversityView } from '@advisordesk/shared';
import type { ListFilters } from './list-filters';

export interface FilterSelectProps {
  filters: ListFilters;
  /** The filter's field in the address (`ownership`, `approvals`…). */
  field: string;
  options: { value: string; label: string }[];
  placeholder: string;
  /** The select's accessible name ("Filter by ownership"). */
  label: string;
  /** Any of several values (`field=a&field=b`, operator `in`) instead of one (`eq`). */
  multiple?: boolean;
  /** Type to narrow a long list (states, courses). */
  search?: boolean;
  /** How typed text matches an option when searching (default: within its label). */
  filterOption?: (typed: string, option?: { value?: unknown; label?: unknown }) => boolean;
  flex: string;
}

/** One filter of a list, kept in the address: choosing sets it (back to page 1), clearing removes it. */
export function FilterSelect({
  filters,
  field,
  options,
  placeholder,
  label,
  multiple = false,
  search = false,
  filterOption,
  flex,
}: FilterSelectProps) {
  const common = {
    options,
    placeholder,
    'aria-label': label,
    allowClear: true,
    style: { flex, minWidth: 0 },
    ...(search ? { showSearch: true, optionFilterProp: 'label', filterOption: filterOption ?? true } : {}),
  };
  return multiple ? (
    <Select
      mode="multiple"
      value={filters.list(field)}
      onChange={(value: string[]) => filters.set(field, value, 'in')}
      maxTagCount="responsive"
      {...common}
    />
  ) : (
    <Select value={filters.text(field)} onChange={(value?: string) => filters.set(field, value)} {...common} />
  );
}

/** The "Any university" filter of a list (`universityId`): the catalogue's universities, searched as you type. */
export function UniversityFilter({ filters, flex }: { filters: ListFilters; flex: string }) {
  const value = filters.text('universityId');
  const { selectProps } = useSelect<UniversityView>({
    resource: 'universities',
    optionLabel: 'name',
    optionValue: 'id',
    defaultValue: value,
    pagination: { pageSize: 50, mode: 'server' },
    onSearch: (typed) => [{ field: 'q', operator: 'eq', value: typed.trim() || undefined }],
    debounce: 300,
  });
  return (
    <Select
      options={selectProps.options}
      onSearch={selectProps.onSearch}
      filterOption={false}
      loading={selectProps.loading}
      showSearch
      value={value}
      onChange={(next?: string) => filters.set('universityId', next)}
      placeholder="Any university"
      aria-label="Filter by university"
      allowClear
      style={{ flex, minWidth: 0 }}
    />
  );
}
