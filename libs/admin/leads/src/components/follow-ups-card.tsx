import { useList } from '@refinedev/core';
import { CalendarOutlined, CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { formatIstDateTime, type LeadView, type TaskView, type UpdateTaskBody } from '@advisordesk/shared';
import { useApiMutation, useRefreshLead, type ApiRequestError } from '@advisordesk/admin-data';
import { FollowUpDate } from './follow-up-date';
import { useCompleteFollowUp } from './complete-follow-up';

/** Marks a follow-up done (or open again), then refreshes the lead, its timeline and the lists. */
export function useTaskDone() {
  const refreshLead = useRefreshLead();
  const { message, notification } = App.useApp();
  return useApiMutation<TaskView, { task: Pick<TaskView, 'id' | 'title' | 'leadId' | 'leadName'>; done: boolean }>({
    request: ({ task, done }) => ({ path: `tasks/${encodeURIComponent(task.id)}`, method: 'patch', values: { done } satisfies UpdateTaskBody }),
    onSuccess: async (_, { task, done }) => {
      await refreshLead(task.leadId);
      message.success(done ? `Done: ${task.title} (${task.leadName})` : `Open again: ${task.title}`);
    },
    onError: (error) => notification.error({ message: 'Could not update the follow-up', description: error.message }),
  });
}

/** The lead's follow-ups: open ones first (earliest due), then the last few done. */
export function FollowUpsCard({ lead, canEdit }: { lead: LeadView; canEdit: boolean }) {
  const {
    result: { data: tasks = [] },
    query: { isLoading, isError, error, refetch, isFetching },
  } = useList<TaskView, ApiRequestError>({
    resource: 'tasks',
    filters: [{ field: 'leadId', operator: 'eq', value: lead.id }],
    sorters: [{ field: 'dueAt', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 50 },
    errorNotification: false,
  });
  const toggle = useTaskDone();
  const complete = useCompleteFollowUp();
  const open = tasks.filter((t) => !t.done);
  const done = tasks
    .filter((t) => t.done)
    .slice(-3)
    .reverse();

  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <CalendarOutlined />
          Follow-ups
        </Space>
      }
      extra={
        <span data-testid="next-follow-up">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Next:{' '}
          </Typography.Text>
          <FollowUpDate value={lead.nextFollowUpAt} empty="none" />
        </span>
      }
      data-testid="lead-follow-ups"
    >
      {complete.dialog}
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : isError ? (
        <Alert
          type="error"
          showIcon
          message="Could not load the follow-ups"
          description={error?.message}
          action={
            <Button size="small" loading={isFetching} onClick={() => refetch()}>
              Retry
            </Button>
          }
        />
      ) : !tasks.length ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="No follow-ups yet. Schedule one so this lead is not forgotten."
          style={{ margin: '8px 0' }}
        />
      ) : (
        <List<TaskView>
          size="small"
          dataSource={[...open, ...done]}
          renderItem={(task) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      task.done ? (
                        <Button
                          key="reopen"
                          size="small"
                          type="text"
                          icon={<UndoOutlined />}
                          onClick={() => toggle.mutate({ task, done: false })}
                          aria-label={`Reopen ${task.title}`}
                        />
                      ) : (
                        <Button
                          key="done"
                          size="small"
                          icon={<CheckOutlined />}
                          loading={complete.pendingId === task.id}
                          onClick={() => complete.start(task)}
                          aria-label={`Mark ${task.title} done`}
                        >
                          Done
                        </Button>
                      ),
                    ]
                  : undefined
              }
              style={{ paddingInline: 0 }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text delete={task.done} type={task.done ? 'secondary' : undefined}>
                    {task.title}
                  </Typography.Text>
                }
                description={task.done ? `Done ${formatIstDateTime(task.doneAt)}` : <FollowUpDate value={task.dueAt} />}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
