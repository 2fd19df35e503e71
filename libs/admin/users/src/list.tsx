import { useState } from 'react';
import { useCan, useGetIdentity, useInvalidateAuthStore, useUpdate } from '@refinedev/core';
import { getDefaultSortOrder, List, useModalForm, useTable } from '@refinedev/antd';
import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Grid, Modal, Popconfirm, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatIstDateTime, formatPhone, type UserView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { ActiveBadge, fieldErrorsOnly, FilterSelect, listFilters, listPagination, ListToolbar, RoleTag, ViewOnlyTag } from '@advisordesk/admin-ui';
import { DeactivateDialog } from './deactivate-dialog';
import { ROLE_OPTIONS, UserForm, type UserFormValues } from './user-form';

const STATUS_OPTIONS = [
  { value: 'true', label: 'Active' },
  { value: 'false', label: 'Deactivated' },
];

/** Users: a server-paged, sortable, searchable table; admins add, edit, deactivate and reactivate. */
export default function UserListPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const { data: me } = useGetIdentity<UserView>();
  const { data: createAccess } = useCan({ resource: 'users', action: 'create' });
  const { data: editAccess } = useCan({ resource: 'users', action: 'edit' });
  const canCreate = createAccess?.can === true;
  const canEdit = editAccess?.can === true;
  const invalidateAuth = useInvalidateAuthStore();

  const { tableProps, filters, setFilters, sorters } = useTable<UserView, ApiRequestError>({
    resource: 'users',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'name', order: 'asc' }] },
  });

  // Search, role and status live in the address (syncWithLocation), so a filtered list can be shared or reloaded.
  const f = listFilters(filters, setFilters);

  const createModal = useModalForm<UserView, ApiRequestError, UserFormValues>({
    resource: 'users',
    action: 'create',
    redirect: false,
    warnWhenUnsavedChanges: true,
    // Refine shows `description` as the notice's title and `message` under it.
    successNotification: (data) => ({ type: 'success', description: 'User added', message: `${data?.data.name} can now sign in.` }),
    errorNotification: fieldErrorsOnly('Could not add the user'),
  });
  const editModal = useModalForm<UserView, ApiRequestError, UserFormValues>({
    resource: 'users',
    action: 'edit',
    redirect: false,
    warnWhenUnsavedChanges: true,
    successNotification: (data) => ({ type: 'success', description: 'Changes saved', message: `${data?.data.name} is up to date.` }),
    errorNotification: fieldErrorsOnly('Could not save the changes'),
    onMutationSuccess: (data) => {
      if (data.data.id === me?.id) invalidateAuth();
    },
  });
  const editingSelf = editModal.id !== undefined && editModal.id === me?.id;

  // Deactivation hands the user's open work over first (DeactivateDialog); reactivation is a plain update.
  const [deactivating, setDeactivating] = useState<UserView | null>(null);
  const { mutate: update, mutation: updateState } = useUpdate<UserView, ApiRequestError>();
  const toggling = updateState.isPending;
  const toggled = updateState.variables;
  const reactivate = (user: UserView) =>
    update({
      resource: 'users',
      id: user.id,
      values: { active: true },
      mutationMode: 'pessimistic',
      successNotification: () => ({ type: 'success', description: `${user.name} is active again`, message: 'They can sign in again.' }),
      errorNotification: (error) => ({ type: 'error', description: 'Could not reactivate', message: error?.message ?? 'Please try again.' }),
    });

  const columns: TableColumnsType<UserView> = [
    {
      title: 'Name',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('name', sorters),
      render: (_, user) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Text strong>
            {user.name}
            {user.id === me?.id && <Typography.Text type="secondary"> (you)</Typography.Text>}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13, wordBreak: 'break-all' }}>
            {user.email}
          </Typography.Text>
          {user.phone && (
            <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
              {formatPhone(user.phone)}
            </Typography.Text>
          )}
          {phone && (
            <Space size={8} wrap>
              <RoleTag role={user.role} />
              <ActiveBadge active={user.active} />
            </Space>
          )}
        </Space>
      ),
    },
    {
      title: 'Role',
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('role', sorters),
      responsive: ['sm'],
      render: (value: UserView['role']) => <RoleTag role={value} />,
    },
    {
      title: 'Status',
      dataIndex: 'active',
      key: 'active',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('active', sorters),
      responsive: ['sm'],
      render: (value: boolean) => <ActiveBadge active={value} />,
    },
    {
      title: 'Added',
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('createdAt', sorters),
      responsive: ['lg'],
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span>,
    },
  ];

  if (canEdit) {
    columns.push({
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      align: 'right',
      width: phone ? 96 : 240,
      render: (_, user) => {
        const self = user.id === me?.id;
        const busy = toggling && toggled?.id === user.id;
        const toggle = user.active ? (
          <Button danger icon={<StopOutlined />} disabled={self} onClick={() => setDeactivating(user)} aria-label={`Deactivate ${user.name}`}>
            {phone ? null : 'Deactivate'}
          </Button>
        ) : (
          <Popconfirm
            title={`Reactivate ${user.name}?`}
            description="They can sign in again with their current password."
            okText="Reactivate"
            cancelText="Cancel"
            onConfirm={() => reactivate(user)}
          >
            <Button icon={<UndoOutlined />} loading={busy} aria-label={`Reactivate ${user.name}`}>
              {phone ? null : 'Reactivate'}
            </Button>
          </Popconfirm>
        );
        return (
          <Space size={8}>
            <Button icon={<EditOutlined />} onClick={() => editModal.show(user.id)} aria-label={`Edit ${user.name}`}>
              {phone ? null : 'Edit'}
            </Button>
            {self ? <Tooltip title="You cannot deactivate your own account">{toggle}</Tooltip> : toggle}
          </Space>
        );
      },
    });
  }

  const pagination = listPagination(tableProps.pagination, phone);

  return (
    <List
      title="Users"
      breadcrumb={false}
      headerButtons={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => createModal.show()}>
            Add user
          </Button>
        ) : editAccess && !canEdit ? (
          <Tooltip title="Your role may see the team but not change it">
            <ViewOnlyTag />
          </Tooltip>
        ) : null
      }
    >
      <ListToolbar filters={f} search={{ placeholder: 'Search by name or email', label: 'Search users', flex: '2 1 260px' }}>
        <FilterSelect filters={f} field="role" options={ROLE_OPTIONS} placeholder="All roles" label="Filter by role" flex="1 1 140px" />
        <FilterSelect filters={f} field="active" options={STATUS_OPTIONS} placeholder="Any status" label="Filter by status" flex="1 1 140px" />
      </ListToolbar>

      <Table<UserView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        pagination={pagination}
        size={phone ? 'small' : 'middle'}
        locale={{ emptyText: f.count ? 'No users match these filters' : 'No users yet' }}
        data-testid="users-table"
      />

      <Modal {...createModal.modalProps} title="Add a user" okText="Add user" cancelText="Cancel">
        <UserForm formProps={createModal.formProps} mode="create" />
      </Modal>
      <DeactivateDialog user={deactivating} onClose={() => setDeactivating(null)} />
      <Modal {...editModal.modalProps} title="Edit user" okText="Save changes" cancelText="Cancel">
        <UserForm formProps={editModal.formProps} mode="edit" isSelf={editingSelf} />
      </Modal>
    </List>
  );
}
