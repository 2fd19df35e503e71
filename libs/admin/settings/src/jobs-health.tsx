import { useState } from 'react';
import { useApiUrl, useCustom } from '@refinedev/core';
import { Button, Flex, Typography } from 'antd';
import { formatIstDateTime, type JobCheckView, type JobsHealthView } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

/**
 * Is anyone working the jobs? The last minutely heartbeat (which instance, when), and a check job
 * an admin runs: queued, then worked by some instance, which is named when it completes.
 */
export function JobsHealth() {
  const apiUrl = useApiUrl();
  const { query: health } = useCustom<JobsHealthView, ApiRequestError>({
    url: `${apiUrl}/jobs/health`,
    method: 'get',
    errorNotification: false,
    queryOptions: { refetchInterval: 30_000 },
  });
  const [checkId, setCheckId] = useState<string>();
  const { query: check } = useCustom<JobCheckView, ApiRequestError>({
    url: `${apiUrl}/jobs/checks/${checkId ?? ''}`,
    method: 'get',
    errorNotification: false,
    queryOptions: {
      enabled: !!checkId,
      // Asked again each second until the job completed (or failed for good).
      refetchInterval: (q) => (q.state.data?.data.state === 'completed' || q.state.data?.data.state === 'failed' ? false : 1_000),
    },
  });
  const run = useApiMutation<{ id: string }, void>({
    request: () => ({ path: 'jobs/checks', method: 'post', values: {} }),
    onSuccess: (queued) => setCheckId(queued.id),
  });

  const last = health.data?.data;
  const result = checkId ? check.data?.data : undefined;
  const took = result?.completedAt ? new Date(result.completedAt).getTime() - new Date(result.createdAt).getTime() : null;
  return (
    <Flex vertical gap={4} style={{ marginBottom: 12 }} data-testid="jobs-health">
      <Typography.Text>
        {health.isError
          ? 'Could not read when jobs last ran.'
          : !last
            ? 'Reading when jobs last ran…'
            : last.lastHeartbeatAt
              ? `Workers are running: the minutely check ran ${formatIstDateTime(last.lastHeartbeatAt)}${last.workedBy ? ` on ${last.workedBy}` : ''}.`
              : 'No instance has worked a job yet (the first check runs within a minute of start).'}
      </Typography.Text>
      <Flex gap={8} align="center" wrap>
        <Button size="small" loading={run.isPending} onClick={() => run.mutate()}>
          Run a check job
        </Button>
        {result && (
          <Typography.Text type={result.state === 'failed' ? 'danger' : 'secondary'} data-testid="job-check-result">
            {result.state === 'completed'
              ? `Done in ${took} ms by ${result.workedBy ?? 'an instance'}${result.retryCount ? ` (after ${result.retryCount} retry)` : ''}.`
              : result.state === 'failed'
                ? 'The check job failed.'
                : `The check job is ${result.state === 'active' ? 'running' : 'waiting for a worker'}…`}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
