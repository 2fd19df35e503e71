import { useEffect, useState } from 'react';
import { useCan, useDelete, useGo, useUpdate } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { AppstoreOutlined, EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ActiveBadge } from '../../components/active-badge';
import type { ApiRequestError } from '../../providers/http-client';
import { ApprovalTags } from './components/approval-tags';
import { listFilters } from './components/list-filters';
import { APPROVAL_OPTIONS, NAAC_OPTIONS, OWNERSHIP_OPTIONS } from './components/university-form';
import { OWNERSHIP_LABELS, type University } from './types';
import { formatNirf } from '../programs/types';
import { CatalogueHeaderButtons, listPagination, ListSearch } from '../../components/list-parts';

const STATUS_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Inactive' },
];

/** Universities and providers: searchable, filterable by ownership, approvals and NAAC; editors add, edit, deactivate. */
export default function UniversityListPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const go = useGo();
  const { data: editAccess } = useCan({ resource: 'universities', action: 'edit' });
  const canEdit = editAccess?.can === true;

  const { tableProps, filters, setFilters, sorters } = useTable<University, ApiRequestError>({
    resource: 'universities',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'name', order: 'asc' }] },
  });
  const f = listFilters(filters, setFilters);
  const q = f.text('q') ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const { mutate: deactivate, mutation: deactivation } = useDelete<University, ApiRequestError>();
  const { mutate: update, mutation: updating } = useUpdate<University, ApiRequestError>();
  const busyId = (deactivation.isPending ? deactivation.variables?.id : undefined) ?? (updating.isPending ? updating.variables?.id : undefined);

  const columns: TableColumnsType<University> = [
    {
      title: 'University',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('name', sorters),
      render: (_, u) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Text strong>{u.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[u.city, u.state].filter(Boolean).join(', ') || '—'}
            {phone && u.ownership ? ` · ${OWNERSHIP_LABELS[u.ownership]}` : ''}
            {phone && u.naacGrade ? ` · NAAC ${u.naacGrade}` : ''}
          </Typography.Text>
          {phone && <ApprovalTags approvals={u.approvals} empty="" />}
          {!u.active && <ActiveBadge active={false} />}
        </Space>
      ),
    },
    {
      title: 'Ownership',
      dataIndex: 'ownership',
      key: 'ownership',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('ownership', sorters),
      responsive: ['sm'],
      render: (value: University['ownership']) => (value ? <Tag bordered={false}>{OWNERSHIP_LABELS[value]}</Tag> : '—'),
    },
    {
      title: 'Approvals',
      dataIndex: 'approvals',
      key: 'approvals',
      responsive: ['sm'],
      render: (value: string[]) => <ApprovalTags approvals={value} />,
    },
    {
      title: 'NAAC',
      dataIndex: 'naacGrade',
      key: 'naacGrade',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('naacGrade', sorters),
      responsive: ['md'],
      render: (value: string | null) => value ?? '—',
    },
    {
      title: 'NIRF',
      dataIndex: 'nirfRank',
      key: 'nirfRank',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('nirfRank', sorters),
      responsive: ['lg'],
      render: (_, u) => <span style={{ whiteSpace: 'nowrap' }}>{formatNirf(u)}</span>,
    },
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      align: 'right',
      render: (_, u) => (
        <Space size={8} wrap={false}>
          <Tooltip title="Programs of this university">
            <Button
              icon={<AppstoreOutlined />}
              aria-label={`Programs of ${u.name}`}
              onClick={() => go({ to: '/programs', query: { filters: [{ field: 'universityId', operator: 'eq', value: u.id }] } })}
            />
          </Tooltip>
          {canEdit && (
            <Button icon={<EditOutlined />} aria-label={`Edit ${u.name}`} onClick={() => go({ to: `/universities/edit/${u.id}` })}>
              {phone ? null : 'Edit'}
            </Button>
          )}
          {canEdit &&
            (u.active ? (
              <Popconfirm
                title={`Deactivate ${u.name}?`}
                description="Its programs stay in the catalogue and in comparisons already shared, but are no longer suggested."
                okText="Deactivate"
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  deactivate({
                    resource: 'universities',
                    id: u.id,
                    mutationMode: 'pessimistic',
                    successNotification: { type: 'success', description: `${u.name} is inactive`, message: 'Reactivate it from this list at any time.' },
                    errorNotification: (error) => ({ type: 'error', description: 'Could not deactivate', message: error?.message ?? 'Please try again.' }),
                  })
                }
              >
                <Button danger icon={<StopOutlined />} loading={busyId === u.id} aria-label={`Deactivate ${u.name}`} />
              </Popconfirm>
            ) : (
              <Button
                icon={<UndoOutlined />}
                loading={busyId === u.id}
                aria-label={`Reactivate ${u.name}`}
                onClick={() =>
                  update({
                    resource: 'universities',
                    id: u.id,
                    values: { active: true, version: u.version },
                    mutationMode: 'pessimistic',
                    successNotification: { type: 'success', description: `${u.name} is active again`, message: 'Its programs can be suggested again.' },
                    errorNotification: (error) => ({ type: 'error', description: 'Could not reactivate', message: error?.message ?? 'Please try again.' }),
                  })
                }
              />
            ))}
        </Space>
      ),
    },
  ];

  const pagination = listPagination(tableProps.pagination, phone);

  return (
    <List
      title="Universities"
      breadcrumb={false}
      headerButtons={<CatalogueHeaderButtons canEdit={canEdit} resource="universities" createLabel="Add university" />}
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <ListSearch value={search} onChange={setSearch} onSearch={(value) => f.set('q', value)} placeholder="Search by name or city" label="Search universities" flex="2 1 260px" />
        <Select
          value={f.text('ownership')}
          onChange={(value?: string) => f.set('ownership', value)}
          options={OWNERSHIP_OPTIONS}
          placeholder="Any ownership"
          aria-label="Filter by ownership"
          allowClear
          style={{ flex: '1 1 150px', minWidth: 0 }}
        />
        <Select
          mode="multiple"
          value={f.list('approvals')}
          onChange={(value: string[]) => f.set('approvals', value, 'in')}
          options={APPROVAL_OPTIONS}
          placeholder="Has approvals"
          aria-label="Filter by approvals"
          allowClear
          maxTagCount="responsive"
          style={{ flex: '1 1 200px', minWidth: 0 }}
        />
        <Select
          mode="multiple"
          value={f.list('naacGrade')}
          onChange={(value: string[]) => f.set('naacGrade', value, 'in')}
          options={NAAC_OPTIONS}
          placeholder="Any NAAC grade"
          aria-label="Filter by NAAC grade"
          allowClear
          maxTagCount="responsive"
          style={{ flex: '1 1 150px', minWidth: 0 }}
        />
        <Select
          value={f.text('active')}
          onChange={(value?: string) => f.set('active', value)}
          options={STATUS_OPTIONS}
          placeholder="Active or not"
          aria-label="Filter by status"
          allowClear
          style={{ flex: '1 1 130px', minWidth: 0 }}
        />
      </Flex>
      <Table<University>
        {...tableProps}
        rowKey="id"
        columns={columns}
        pagination={pagination}
        size={phone ? 'small' : 'middle'}
        locale={{ emptyText: f.count ? 'No universities match these filters' : 'No universities yet' }}
        data-testid="universities-table"
      />
    </List>
  );
}
