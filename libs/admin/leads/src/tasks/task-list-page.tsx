import { useMemo } from 'react';
import { useLink, useList } from '@refinedev/core';
import { useTable } from '@refinedev/antd';
import { CheckOutlined, PhoneOutlined, ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Grid, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { formatIstDateTime, formatPhone, type TaskView } from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';
import { FollowUpDate } from '../components/follow-up-date';
import { useTaskDone } from '../components/follow-ups-card';
import { useCompleteFollowUp } from '../components/complete-follow-up';
import { LeadStatusTag } from '../components/status-tag';
import { useAdvisors } from '@advisordesk/admin-data';
import { isTaskTab, TASK_TAB_LABELS, TASK_TABS, taskTabQuery, type TaskTab } from './task-tabs';

const EVERYONE = 'everyone';

function TabCount({ tab, ownerId }: { tab: TaskTab; ownerId: string | undefined }) {
  const query = useMemo(() => taskTabQuery(tab, ownerId), [tab, ownerId]);
  const {
    result: { total },
  } = useList<TaskView>({ resource: 'tasks', filters: query.filters, pagination: { currentPage: 1, pageSize: 1 }, errorNotification: false });
  if (!total || tab === 'done' || tab === 'upcoming') return null;
  return <Badge count={total} overflowCount={999} color={tab === 'overdue' ? '#c0392b' : '#b7791f'} style={{ marginInlineStart: 6 }} />;
}

function TaskTable({ tab, ownerId, showOwner }: { tab: TaskTab; ownerId: string | undefined; showOwner: boolean }) {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const Link = useLink();
  const query = useMemo(() => taskTabQuery(tab, ownerId), [tab, ownerId]);
  const toggle = useTaskDone();
  const complete = useCompleteFollowUp();
  const { tableProps, tableQuery } = useTable<TaskView, ApiRequestError>({
    resource: 'tasks',
    syncWithLocation: false,
    pagination: { pageSize: 25 },
    filters: { permanent: query.filters },
    sorters: { permanent: query.sorters },
  });

  const columns: TableColumnsType<TaskView> = [
    {
      title: tab === 'done' ? 'Done' : 'Due',
      key: 'due',
      width: phone ? undefined : 190,
      render: (_, task) =>
        task.done ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {formatIstDateTime(task.doneAt)}
          </Typography.Text>
        ) : (
          <FollowUpDate value={task.dueAt} />
        ),
      responsive: ['sm'],
    },
    {
      title: 'Lead',
      key: 'lead',
      render: (_, task) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Link to={`/leads/${task.leadId}`} style={{ fontWeight: 600 }}>
            {task.leadName}
          </Link>
          <Space size={6} wrap>
            <LeadStatusTag status={task.leadStatus} />
            {task.leadPhone && (
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatPhone(task.leadPhone)}
              </Typography.Text>
            )}
          </Space>
          {phone && (
            <>
              <Typography.Text style={{ fontSize: 13 }}>{task.title}</Typography.Text>
              {task.done ? (
                <Typography.Text type="secondary">Done {formatIstDateTime(task.doneAt)}</Typography.Text>
              ) : (
                <FollowUpDate value={task.dueAt} />
              )}
            </>
          )}
        </Space>
      ),
    },
    { title: 'Follow-up', dataIndex: 'title', key: 'title', responsive: ['sm'] },
    ...(showOwner
      ? [{ title: 'Owner', dataIndex: 'ownerName', key: 'ownerName', responsive: ['md'] } satisfies TableColumnsType<TaskView>[number]]
      : []),
    {
      title: <span className="sr-only">Actions</span>,
      key: 'actions',
      align: 'right',
      render: (_, task) => (
        <Flex gap={6} justify="flex-end" wrap>
          {!task.done && task.leadPhone && (
            <Button icon={<PhoneOutlined />} href={`tel:${task.leadPhone}`} aria-label={`Call ${task.leadName}`}>
              {phone ? null : 'Call'}
            </Button>
          )}
          {task.done ? (
            <Button
              icon={<UndoOutlined />}
              onClick={() => toggle.mutate({ task, done: false })}
              aria-label={`Reopen ${task.title} for ${task.leadName}`}
            >
              {phone ? null : 'Reopen'}
            </Button>
          ) : (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={complete.pendingId === task.id}
              onClick={() => complete.start(task)}
              aria-label={`Mark ${task.title} for ${task.leadName} done`}
            >
              {phone ? null : 'Done'}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const empty: Record<TaskTab, string> = {
    today: 'Nothing due today.',
    overdue: 'Nothing overdue. Well done.',
    upcoming: 'Nothing scheduled after today.',
    done: 'No follow-ups done yet.',
  };

  // Offline or the API down: say so, with Retry, instead of an empty "Nothing due today".
  if (tableQuery.isError && !tableQuery.isFetching) {
    return (
      <Alert
        type="error"
        showIcon
        message="Could not load the follow-ups"
        description={tableQuery.error?.message}
        action={
          <Button icon={<ReloadOutlined />} onClick={() => tableQuery.refetch()}>
            Retry
          </Button>
        }
        style={{ marginTop: 12 }}
        data-testid="tasks-error"
      />
    );
  }

  return (
    <>
      {complete.dialog}
      <Table<TaskView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        size={phone ? 'small' : 'middle'}
        pagination={tableProps.pagination ? { ...tableProps.pagination, size: 'small', showSizeChanger: false } : false}
        locale={{ emptyText: empty[tab] }}
        data-testid={`tasks-${tab}`}
      />
    </>
  );
}

/** Follow-ups: today, overdue, upcoming and done; mark done, call, open the lead. */
export default function TaskListPage() {
  const { user: me, canWrite } = useAccess();
  const managing = canWrite('leadAssignment');
  const { data: advisors } = useAdvisors(managing);
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: TaskTab = isTaskTab(tabParam) ? tabParam : 'today';
  const ownerParam = params.get('owner');
  // Advisors see their own; managers (and admins) land on the team's and may pick an advisor or their own.
  const owner = managing ? (ownerParam ?? EVERYONE) : me?.id;
  const ownerId = owner === EVERYONE ? undefined : owner;

  const set = (key: string, value: string | undefined) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  if (!me) return null;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Follow-ups
        </Typography.Title>
        {managing && (
          <Select
            value={owner}
            onChange={(value: string) => set('owner', value === EVERYONE ? undefined : value)}
            options={[
              { value: EVERYONE, label: 'Team (everyone)' },
              { value: me.id, label: 'Mine' },
              ...(advisors ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
            aria-label="Whose follow-ups"
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
          />
        )}
      </Flex>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => set('tab', key === 'today' ? undefined : key)}
          items={TASK_TABS.map((key) => ({
            key,
            label: (
              <span>
                {TASK_TAB_LABELS[key]}
                <TabCount tab={key} ownerId={ownerId} />
              </span>
            ),
            children:
              key === tab ? (
                <TaskTable key={`${key}-${ownerId ?? EVERYONE}`} tab={key} ownerId={ownerId} showOwner={managing && ownerId !== me.id} />
              ) : null,
          }))}
        />
      </Card>
    </Flex>
  );
}
