import { useCan, useDelete, useGo, useUpdate } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { AppstoreOutlined, EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Grid, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { OWNERSHIP_LABELS, type UniversityView } from '@advisordesk/shared';
import { formatNirf, type ApiRequestError } from '@advisordesk/admin-data';
import { ActiveBadge, ApprovalTags, FilterSelect, listFilters, listPagination, ListToolbar } from '@advisordesk/admin-ui';
import { CatalogueHeaderButtons } from '../components/catalogue-header-buttons';
import { ApprovalsFilter, NaacFilter } from '../components/catalogue-filters';
import { OWNERSHIP_OPTIONS } from './components/university-form';

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

  const { tableProps, filters, setFilters, sorters } = useTable<UniversityView, ApiRequestError>({
    resource: 'universities',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'name', order: 'asc' }] },
  });
  const f = listFilters(filters, setFilters);

  const { mutate: deactivate, mutation: deactivation } = useDelete<UniversityView, ApiRequestError>();
  const { mutate: update, mutation: updating } = useUpdate<UniversityView, ApiRequestError>();
  const busyId = (deactivation.isPending ? deactivation.variables?.id : undefined) ?? (updating.isPending ? updating.variables?.id : undefined);

  const columns: TableColumnsType<UniversityView> = [
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
      render: (value: UniversityView['ownership']) => (value ? <Tag bordered={false}>{OWNERSHIP_LABELS[value]}</Tag> : '—'),
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
                    successNotification: {
                      type: 'success',
                      description: `${u.name} is inactive`,
                      message: 'Reactivate it from this list at any time.',
                    },
                    errorNotification: (error) => ({
                      type: 'error',
                      description: 'Could not deactivate',
                      message: error?.message ?? 'Please try again.',
                    }),
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
                    successNotification: {
                      type: 'success',
                      description: `${u.name} is active again`,
                      message: 'Its programs can be suggested again.',
                    },
                    errorNotification: (error) => ({
                      type: 'error',
                      description: 'Could not reactivate',
                      message: error?.message ?? 'Please try again.',
                    }),
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
      <ListToolbar filters={f} search={{ placeholder: 'Search by name or city', label: 'Search universities', flex: '2 1 260px' }}>
        <FilterSelect
          filters={f}
          field="ownership"
          options={OWNERSHIP_OPTIONS}
          placeholder="Any ownership"
          label="Filter by ownership"
          flex="1 1 150px"
        />
        <ApprovalsFilter filters={f} flex="1 1 200px" />
        <NaacFilter filters={f} flex="1 1 150px" />
        <FilterSelect filters={f} field="active" options={STATUS_OPTIONS} placeholder="Active or not" label="Filter by status" flex="1 1 130px" />
      </ListToolbar>
      <Table<UniversityView>
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
