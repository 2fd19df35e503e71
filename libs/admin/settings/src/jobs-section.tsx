import { useInvalidate, useList } from '@refinedev/core';
import { Alert, App, Button, Card, Empty, Flex, Grid, List, Pagination, Select, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { FAILED_JOBS_PAGE_SIZE, formatIstDateTime, type FailedJobView, type JobQueueView } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';
import { JobsHealth } from './jobs-health';

const QUEUES = 'jobs/queues';
const FAILED = 'jobs/failed';

const policyOf = (q: JobQueueView) =>
  `${q.retryLimit} ${q.retryLimit === 1 ? 'retry' : 'retries'}${q.retryLimit ? `, from ${q.retryDelaySeconds}s${q.retryBackoff ? ' doubling' : ''}` : ''}${q.deadLetter ? ', then dead letter' : ''}`;

/**
 * "Background jobs" (admins): each queue's counts and retry policy, the failed jobs with the error
 * they ended on, and a Retry for each. The queue and page are in the URL (`?jobQueue=&jobPage=`).
 */
export function JobsSection() {
  const { message, notification } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const invalidate = useInvalidate();
  const [params, setParams] = useSearchParams();
  const queue = params.get('jobQueue') ?? undefined;
  const page = Math.max(1, Number(params.get('jobPage')) || 1);
  const setFilter = (next: { jobQueue?: string; jobPage?: number }) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value === undefined || value === '' || (key === 'jobPage' && value === 1)) out.delete(key);
          else out.set(key, String(value));
        }
        return out;
      },
      { replace: true },
    );

  const queues = useList<JobQueueView, ApiRequestError>({ resource: QUEUES, pagination: { mode: 'off' }, errorNotification: false });
  const failed = useList<FailedJobView, ApiRequestError>({
    resource: FAILED,
    pagination: { mode: 'off' },
    filters: [
      ...(queue ? [{ field: 'queue', operator: 'eq' as const, value: queue }] : []),
      ...(page > 1 ? [{ field: 'page', operator: 'eq' as const, value: page }] : []),
    ],
    errorNotification: false,
  });
  const retry = useApiMutation<void, FailedJobView>({
    request: (job) => ({ path: `jobs/${encodeURIComponent(job.queue)}/${job.id}/retry`, method: 'post' }),
    onSuccess: async () => {
      await Promise.all([invalidate({ resource: FAILED, invalidates: ['list'] }), invalidate({ resource: QUEUES, invalidates: ['list'] })]);
      message.success('The job is queued to run again');
    },
    onError: (error) => notification.error({ message: 'Could not retry the job', description: error.message }),
  });

  const queueRows = queues.result.data ?? [];
  const failedRows = failed.result.data ?? [];
  const total = failed.result.total ?? failedRows.length;

  return (
    <Card title="Background jobs" id="background-jobs" data-testid="background-jobs">
      <Typography.Paragraph type="secondary">
        Work the app does in the background (keeping lead search up to date, and soon reminders and WhatsApp messages). A job that fails is retried;
        one that keeps failing is listed below with its error.
      </Typography.Paragraph>
      <JobsHealth />
      {queues.query.isError ? (
        <Alert type="error" showIcon message="Could not load the job queues" description={queues.query.error?.message} />
      ) : (
        <div data-testid="job-queues">
          <Table<JobQueueView>
            size="small"
            rowKey="name"
            loading={queues.query.isLoading}
            dataSource={queueRows}
            pagination={false}
            scroll={phone ? undefined : { x: 'max-content' }}
            columns={
              phone
                ? [
                    {
                      title: 'Queue',
                      key: 'queue',
                      render: (_, q) => (
                        <div style={{ overflowWrap: 'anywhere' }}>
                          <Flex gap={4} wrap align="center">
                            <span>{q.name}</span>
                            {q.schedule && <Tag>cron {q.schedule}</Tag>}
                          </Flex>
                          <Typography.Text type={q.failed ? 'danger' : 'secondary'}>
                            {`Waiting ${q.queued} · running ${q.active} · done ${q.completed} · failed ${q.failed} · dead letter ${q.deadLettered}`}
                          </Typography.Text>
                          <div>
                            <Typography.Text type="secondary">{policyOf(q)}</Typography.Text>
                          </div>
                        </div>
                      ),
                    },
                  ]
                : [
                    {
                      title: 'Queue',
                      dataIndex: 'name',
                      render: (name: string, q) => (
                        <Flex gap={4} wrap align="center">
                          <span>{name}</span>
                          {q.schedule && <Tag>cron {q.schedule}</Tag>}
                        </Flex>
                      ),
                    },
                    { title: 'Waiting', dataIndex: 'queued', align: 'right' },
                    { title: 'Running', dataIndex: 'active', align: 'right' },
                    { title: 'Done', dataIndex: 'completed', align: 'right' },
                    {
                      title: 'Failed',
                      dataIndex: 'failed',
                      align: 'right',
                      render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                    },
                    { title: 'Dead letter', dataIndex: 'deadLettered', align: 'right' },
                    { title: 'Policy', key: 'policy', render: (_, q) => policyOf(q) },
                  ]
            }
          />
        </div>
      )}

      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '20px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          Failed jobs
        </Typography.Title>
        <Select
          allowClear
          placeholder="All queues"
          aria-label="Queue"
          value={queue}
          onChange={(value?: string) => setFilter({ jobQueue: value, jobPage: 1 })}
          options={queueRows.map((q) => ({ value: q.name, label: q.name }))}
          style={{ minWidth: 200, maxWidth: '100%' }}
        />
      </Flex>
      {failed.query.isError ? (
        <Alert type="error" showIcon message="Could not load the failed jobs" description={failed.query.error?.message} />
      ) : (
        <div data-testid="failed-jobs">
          <List<FailedJobView>
            loading={failed.query.isLoading}
            dataSource={failedRows}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No failed jobs" /> }}
            renderItem={(job) => (
              <List.Item
                key={job.id}
                data-testid="failed-job"
                actions={[
                  <Button key="retry" size="small" loading={retry.isPending && retry.variables?.id === job.id} onClick={() => retry.mutate(job)}>
                    Retry
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <span style={{ overflowWrap: 'anywhere' }}>
                      {job.queue} · {job.attempts} {job.attempts === 1 ? 'attempt' : 'attempts'} · failed {formatIstDateTime(job.failedAt)}
                    </span>
                  }
                  description={
                    <>
                      <Typography.Text type="danger" style={{ overflowWrap: 'anywhere' }}>
                        {job.error}
                      </Typography.Text>
                      {Object.keys(job.summary).length > 0 && (
                        <div style={{ overflowWrap: 'anywhere' }}>
                          <Typography.Text type="secondary">
                            {Object.entries(job.summary)
                              .map(([key, value]) => `${key} ${value}`)
                              .join(' · ')}
                          </Typography.Text>
                        </div>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </div>
      )}
      {total > FAILED_JOBS_PAGE_SIZE && (
        <Pagination
          simple
          current={page}
          pageSize={FAILED_JOBS_PAGE_SIZE}
          total={total}
          onChange={(next) => setFilter({ jobPage: next })}
          style={{ marginTop: 12, textAlign: 'right' }}
        />
      )}
    </Card>
  );
}
