import { useEffect, useState } from 'react';
import { useApiUrl, useCustom, useInvalidate, useList } from '@refinedev/core';
import { Alert, App, Modal, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { REASSIGN_BY_RULE, type DeactivationResult, type UserView, type UserWorkload } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

type Handover = 'advisor' | 'rule';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "30 open leads and 4 open follow-ups", leaving out what is zero. */
export function describeWork(work: UserWorkload): string {
  const parts = [
    work.openLeads && plural(work.openLeads, 'open lead', 'open leads'),
    work.openTasks && plural(work.openTasks, 'open follow-up', 'open follow-ups'),
  ];
  return parts.filter(Boolean).join(' and ');
}

/** What moved: "30 leads and 4 follow-ups". */
function describeMoved(result: DeactivationResult): string {
  const parts = [
    result.reassignedLeads && plural(result.reassignedLeads, 'lead', 'leads'),
    result.reassignedTasks && plural(result.reassignedTasks, 'follow-up', 'follow-ups'),
  ];
  return parts.filter(Boolean).join(' and ');
}

/**
 * Deactivating a user: their open leads and follow-ups are handed to one advisor or spread by the
 * assignment rule in the same step (`DELETE /api/users/:id?reassignTo=`), so nothing is left with an
 * account that cannot sign in. A user with nothing open gets a plain confirmation.
 */
export function DeactivateDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const apiUrl = useApiUrl();
  const invalidate = useInvalidate();
  const { notification } = App.useApp();
  const [handover, setHandover] = useState<Handover>('advisor');
  const [advisorId, setAdvisorId] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setHandover('advisor');
    setAdvisorId(undefined);
    setProblem(null);
  }, [user?.id]);

  const { query: workloadQuery } = useCustom<UserWorkload, ApiRequestError>({
    url: `${apiUrl}/users/${encodeURIComponent(user?.id ?? '')}/workload`,
    method: 'get',
    errorNotification: false,
    queryOptions: { enabled: Boolean(user), queryKey: ['users', 'workload', user?.id], staleTime: 0 },
  });
  const work = workloadQuery.data?.data;
  const hasWork = Boolean(work && (work.openLeads || work.openTasks));

  const {
    result: { data: advisors = [] },
  } = useList<UserView>({
    resource: 'users',
    filters: [
      { field: 'role', operator: 'eq', value: 'advisor' },
      { field: 'active', operator: 'eq', value: 'true' },
    ],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 200 },
    errorNotification: false,
    queryOptions: { enabled: hasWork },
  });
  const others = advisors.filter((a) => a.id !== user?.id);

  const deactivate = useApiMutation<DeactivationResult, { user: UserView; reassignTo?: string }>({
    request: ({ user: target, reassignTo }) => ({
      path: `users/${encodeURIComponent(target.id)}${reassignTo ? `?reassignTo=${encodeURIComponent(reassignTo)}` : ''}`,
      method: 'delete',
    }),
    onSuccess: async (result, { user: target, reassignTo }) => {
      await invalidate({ resource: 'users', invalidates: ['all'] });
      const moved = describeMoved(result);
      const to =
        reassignTo === REASSIGN_BY_RULE
          ? 'spread by the assignment rule'
          : `moved to ${others.find((a) => a.id === reassignTo)?.name ?? 'the advisor'}`;
      notification.success({
        message: `${target.name} is deactivated`,
        description: `${moved ? `${moved} ${to}. ` : ''}Their sessions have ended; they cannot sign in until reactivated.`,
      });
      onClose();
    },
    onError: async (error) => {
      // The work changed since the counts were read (a 409 says how much): show the new counts.
      await workloadQuery.refetch();
      setProblem(error.message);
    },
  });

  const confirm = () => {
    if (!user) return;
    if (!hasWork) return deactivate.mutate({ user });
    if (handover === 'rule') return deactivate.mutate({ user, reassignTo: REASSIGN_BY_RULE });
    if (!advisorId) return setProblem('Choose the advisor who takes them over');
    deactivate.mutate({ user, reassignTo: advisorId });
  };

  const first = user?.name.split(/\s+/)[0] ?? '';
  return (
    <Modal
      open={user !== null}
      title={user ? `Deactivate ${user.name}?` : undefined}
      okText={hasWork ? 'Hand over and deactivate' : 'Deactivate'}
      okButtonProps={{ danger: true, loading: deactivate.isPending, disabled: !work }}
      cancelText="Cancel"
      onOk={confirm}
      onCancel={onClose}
      destroyOnHidden
      data-testid="deactivate-dialog"
    >
      {!work ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            They are signed out at once and cannot sign in until reactivated. Their history stays.
          </Typography.Paragraph>
          {hasWork && (
            <>
              <Alert
                type="warning"
                showIcon
                message={`${first} has ${describeWork(work)}`}
                description="Choose who takes them over."
                data-testid="deactivate-workload"
              />
              <Radio.Group value={handover} onChange={(event) => setHandover(event.target.value)} style={{ width: '100%' }}>
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <Radio value="advisor">Hand them to</Radio>
                  {handover === 'advisor' && (
                    <Select
                      showSearch
                      optionFilterProp="label"
                      value={advisorId}
                      onChange={(value) => {
                        setAdvisorId(value);
                        setProblem(null);
                      }}
                      options={others.map((a) => ({ value: a.id, label: a.name }))}
                      placeholder="Choose an advisor"
                      aria-label="Advisor who takes them over"
                      style={{ width: '100%', maxWidth: 360, marginInlineStart: 24 }}
                    />
                  )}
                  <Radio value="rule">Spread them by the assignment rule (least loaded advisor first)</Radio>
                </Space>
              </Radio.Group>
            </>
          )}
          {problem && <Alert type="error" showIcon message={problem} />}
        </Space>
      )}
    </Modal>
  );
}
