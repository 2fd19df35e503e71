import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Tag } from 'antd';
import {
  allowedApplicationTargets,
  APPLICATION_STATUS_COLORS,
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
  type ApplicationView,
  type Role,
} from '@advisordesk/shared';
import { useMoveApplication } from '../applications-api';

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  return (
    <Tag
      color={APPLICATION_STATUS_COLORS[status]}
      bordered={false}
      style={{ marginInlineEnd: 0 }}
      data-testid="application-status"
      data-status={status}
    >
      {APPLICATION_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

/** The status as a tag with a menu of the statuses this role may move it to (nothing else is offered). */
export function ApplicationStatusMenu({ application, role, canEdit }: { application: ApplicationView; role: Role | undefined; canEdit: boolean }) {
  const { message, notification } = App.useApp();
  const move = useMoveApplication(application);
  const targets = canEdit && role ? allowedApplicationTargets(application.status, role).filter((status) => status !== application.status) : [];
  if (!targets.length) return <ApplicationStatusTag status={application.status} />;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: targets.map((status) => ({ key: status, label: `Move to ${APPLICATION_STATUS_LABELS[status]}` })),
        onClick: ({ key }) =>
          move.mutate(
            { status: key as ApplicationStatus, version: application.version },
            {
              onSuccess: (moved) => message.success(`${moved.programName}: ${APPLICATION_STATUS_LABELS[moved.status]}`),
              onError: (error) =>
                error.statusCode === 409
                  ? notification.warning({
                      message: 'This application changed meanwhile',
                      description: `${error.message}. The latest is loaded: choose again.`,
                    })
                  : message.error(error.message),
            },
          ),
      }}
    >
      <Button
        size="small"
        loading={move.isPending}
        aria-label={`Status: ${APPLICATION_STATUS_LABELS[application.status]}. Change it`}
        data-testid="application-status-menu"
      >
        <ApplicationStatusTag status={application.status} />
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
