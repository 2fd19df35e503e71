import type { ReactNode } from 'react';
import { CreateButton } from '@refinedev/antd';
import { useGo } from '@refinedev/core';
import { Button, Input, Space, Tag, type TablePaginationConfig } from 'antd';
import { EyeOutlined, UploadOutlined } from '@ant-design/icons';

/** A list's pagination: compact, with the page-size changer and "1–20 of 54" on a laptop only. */
export function listPagination(pagination: TablePaginationConfig | false | undefined, phone: boolean, showTotal = true): TablePaginationConfig | false {
  if (!pagination) return false;
  return {
    ...pagination,
    showSizeChanger: !phone,
    size: 'small',
    ...(showTotal ? { showTotal: phone ? undefined : (total: number, [from, to]: [number, number]) => `${from}–${to} of ${total}` } : {}),
  };
}

/** The search box above a list: typing edits the box, Enter or the button searches (trimmed). */
export function ListSearch({ value, onChange, onSearch, placeholder, label, flex }: { value: string; onChange: (value: string) => void; onSearch: (value: string) => void; placeholder: string; label: string; flex: string }) {
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

/** A catalogue list's header: Import CSV and Add for those who may change the catalogue, "View only" for the rest. */
export function CatalogueHeaderButtons({ canEdit, resource, createLabel }: { canEdit: boolean; resource: string; createLabel: ReactNode }) {
  const go = useGo();
  if (!canEdit) return <ViewOnlyTag />;
  return (
    <Space wrap>
      <Button icon={<UploadOutlined />} onClick={() => go({ to: '/catalogue/import' })}>
        Import CSV
      </Button>
      <CreateButton resource={resource}>{createLabel}</CreateButton>
    </Space>
  );
}
