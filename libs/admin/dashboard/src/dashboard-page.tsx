import { Suspense } from 'react';
import { useCan, useGetIdentity, useGo, useList } from '@refinedev/core';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { accessOf, canRead, canWrite, formatIstDateTime, REPORT_TIME_ZONE, ROLE_LABELS, ROLES, type Role, type UserView } from '@advisordesk/shared';
import { RoleTag, useAreaSlots } from '@advisordesk/admin-ui';

/** "Good morning" by the clock in India, whatever the device's time zone. */
export function greetingAt(now: Date): string {
  const hour = Number(new Intl.DateTimeFormat('en-IN', { hour: 'numeric', hourCycle: 'h23', timeZone: REPORT_TIME_ZONE }).format(now));
  if (hour < 12) return 'Good morning';
  if (hour < 17) return 'Good afternoon';
  return 'Good evening';
}

/** `/users` with the given filters, in the form `useTable` reads back from the address. */
function usersListQuery(filters: { field: string; value: string }[]) {
  return { filters: filters.map((f) => ({ ...f, operator: 'eq' })) };
}

function ActiveCount({ role }: { role: Role }) {
  const go = useGo();
  const {
    result: { total },
    query: { isLoading, isError },
  } = useList<UserView>({
    resource: 'users',
    pagination: { currentPage: 1, pageSize: 1 },
    filters: [
      { field: 'role', operator: 'eq', value: role },
      { field: 'active', operator: 'eq', value: 'true' },
    ],
    errorNotification: false,
  });
  return (
    <Card
      size="small"
      hoverable
      onClick={() =>
        go({
          to: '/users',
          query: usersListQuery([
            { field: 'role', value: role },
            { field: 'active', value: 'true' },
          ]),
        })
      }
      data-testid={`active-${role}`}
    >
      <Statistic
        title={<RoleTag role={role} />}
        value={isError ? '—' : (total ?? 0)}
        loading={isLoading}
        suffix={
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            active
          </Typography.Text>
        }
      />
    </Card>
  );
}

function TeamCard() {
  const go = useGo();
  return (
    <Card
      title="Active users by role"
      extra={
        <Button type="link" onClick={() => go({ to: '/users' })} icon={<ArrowRightOutlined />} iconPosition="end" style={{ paddingInline: 0 }}>
          All users
        </Button>
      }
      style={{ height: '100%' }}
    >
      <Row gutter={[12, 12]}>
        {ROLES.map((role) => (
          <Col key={role} xs={12} sm={12} xl={6}>
            <ActiveCount role={role} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export default function DashboardPage() {
  const { data: user, isLoading } = useGetIdentity<UserView>();
  const { data: usersAccess } = useCan({ resource: 'users', action: 'list' });
  // The role's sections come from their areas (reports, leads), as the shell composes them.
  const { dashboardCharts: ManagerCharts, dashboardWork: LeadsHome, dashboardMarketing: MarketingHome, dashboardSections = [] } = useAreaSlots();

  if (isLoading || !user) return <Skeleton active paragraph={{ rows: 4 }} />;
  const worksLeads = canRead('leads', user.role);
  const managing = canWrite('leadAssignment', user.role);
  // Marketing's home is its campaign work: segments, exports and which sources convert.
  const marketing = accessOf('exports', user.role) === 'consented' && MarketingHome;

  return (
    <Space direction="vertical" size={20} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="greeting">
          {greetingAt(new Date())}, {user.name}
        </Typography.Title>
        <Space size={8} wrap style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">Signed in as</Typography.Text>
          <RoleTag role={user.role} />
        </Space>
      </div>

      {/* Advisors start with their day's work; admins and managers with the team's conversion, then the team now. */}
      {managing && ManagerCharts && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <ManagerCharts />
        </Suspense>
      )}
      {marketing && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <MarketingHome user={user} />
        </Suspense>
      )}
      {worksLeads && LeadsHome && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <LeadsHome user={user} />
        </Suspense>
      )}
      {/* Other areas' parts of the day (applications), each showing only to the roles it is for. */}
      {dashboardSections.map((Section, index) => (
        <Suspense key={index} fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
          <Section user={user} />
        </Suspense>
      ))}

      <Row gutter={[16, 16]}>
        {!worksLeads && !marketing && (
          <Col xs={24} xl={usersAccess?.can ? 10 : 14}>
            <Card title="Welcome to AdvisorDesk" style={{ height: '100%' }}>
              <Typography.Paragraph>The menu lists what the {ROLE_LABELS[user.role]} role may open. Your account:</Typography.Paragraph>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'name', label: 'Name', children: user.name },
                  { key: 'email', label: 'Email', children: <Typography.Text copyable={{ text: user.email }}>{user.email}</Typography.Text> },
                  { key: 'role', label: 'Role', children: ROLE_LABELS[user.role] },
                  { key: 'since', label: 'Member since', children: formatIstDateTime(user.createdAt) },
                ]}
              />
            </Card>
          </Col>
        )}
        {usersAccess?.can && (
          <Col xs={24} xl={worksLeads ? 24 : 14}>
            <TeamCard />
          </Col>
        )}
      </Row>
    </Space>
  );
}
