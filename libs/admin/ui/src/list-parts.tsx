import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { Flex, Input, Tag, type TablePaginationConfig } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { ListFilters } from './list-filters';

/** A list's pagination: compact, with the page-size changer and "1–20 of 54" on a laptop only. */
export function listPagination(
  pagination: TablePaginationConfig | false | undefined,
  phone: boolean,
  showTotal = true,
): TablePaginationConfig | false {
  if (!pagination) return false;
  return {
    ...pagination,
    showSizeChanger: !phone,
    size: 'small',
    ...(showTotal ? { showTotal: phone ? undefined : (total: number, [from, to]: [number, number]) => `${from}–${to} of ${total}` } : {}),
  };
}

/** The search box above a list: typing edits the box, Enter or the button searches (trimmed). */
export function ListSearch({
  value,
  onChange,
  onSearch,
  placeholder,
  label,
  flex,
}: {
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
  placeholder: string;
  label: string;
  flex: string;
}) {
  return (
    <Input.Search
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onSearch={(text) => onSearch(text.trim())}
      placeholder={placeholder}
      aria-label={label}
      allowClear
      enterButton
      style={{ flex, minWidth: 0 }}
    />
  );
}

/** The "View only" mark for roles that may read a list but not change it. */
export function ViewOnlyTag() {
  return (
    <Tag icon={<EyeOutlined />} bordered={false}>
      View only
    </Tag>
  );
}

export interface ListToolbarProps {
  /** The list's filters, as `listFilters` reads them from the address; the search box edits `q`. */
  filters: ListFilters;
  search: { placeholder: string; label: string; flex: string };
  /** The filters beside the search box. */
  children?: ReactNode;
  style?: CSSProperties;
}

/**
 * The row above a list: a search box whose text follows the address (back, forward, a shared
 * link) and searches on Enter, then the list's own filters.
 */
export function ListToolbar({ filters, search, children, style }: ListToolbarProps) {
  const q = filters.text('q') ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16, ...style }}>
      <ListSearch
        value={draft}
        onChange={setDraft}
        onSearch={(value) => filters.set('q', value)}
        placeholder={search.placeholder}
        label={search.label}
        flex={search.flex}
      />
      {children}
    </Flex>
  );
}
