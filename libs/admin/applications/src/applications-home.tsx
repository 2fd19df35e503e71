import { useGo, useLink, useList, type CrudFilter } from '@refinedev/core';
import { ArrowRightOutlined, CalendarOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, List, Row, Skeleton, Statistic, Typography } from 'antd';
import { APPLICATION_OPEN_STATUSES, canRead, istDate, type ApplicationView, type UserView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { deadlineWeek, plainListPath } from './application-text';
import { DeadlineText } from './components/application-card';

/** The few most urgent shown on the home page; the count links to all of them. */
const URGENT_SHOWN = 4;

function UrgentCard({
  title,
  icon,
  filters,
  sortField,
  to,
  detail,
  empty,
  testId,
}: {
  title: string;
  icon: React.ReactNode;
  filters: CrudFilter[];
  sortField: 'deadline' | 'updatedAt';
  to: string;
  detail: (application: ApplicationView) => React.ReactNode;
  empty: string;
  testId: string;
}) {
  const go = useGo();
  const Link = useLink();
  const {
    result: { data, total },
    query,
  } = useList<ApplicationView, ApiRequestError>({
    resource: 'applications',
    filters,
    sorters: [{ field: sortField, order: sortField === 'deadline' ? 'asc' : 'desc' }],
    pagination: { currentPage: 1, pageSize: URGENT_SHOWN },
    errorNotification: false,
  });
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {icon}
          <span style={{ whiteSpace: 'normal' }}>{title}</span>
        </Flex>
      }
      extra={
        <Button
          type="link"
          icon={<ArrowRightOutlined />}
          iconPosition="end"
          onClick={() => go({ to })}
          style={{ paddingInline: 0 }}
          aria-label={`All: ${title}`}
        >
          All
        </Button>
      }
      style={{ height: '100%' }}
      data-testid={testId}
    >
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.isError ? (
        <Typography.Text type="danger">Could not load: {query.error?.message}</Typography.Text>
      ) : (
        <>
          <Statistic value={total ?? 0} valueStyle={{ fontSize: 28 }} style={{ cursor: 'pointer' }} data-testid={`${testId}-count`} />
          {data.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} />
          ) : (
            <List
              size="small"
              dataSource={data}
              split
              renderItem={(application) => (
                <List.Item style={{ paddingInline: 0, display: 'block' }}>
                  <Link to={`/leads/${application.leadId}`} style={{ fontWeight: 600 }}>
                    {application.leadName}
                  </Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
                    {application.programName}, {application.universityName}
                  </Typography.Text>
                  <div style={{ fontSize: 13 }}>{detail(application)}</div>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}

/**
 * The home page's applications: deadlines of the coming week and documents waiting for review
 * (the user's own for an advisor, everyone's for a manager: the API decides), each linking to the
 * filtered list.
 */
export function ApplicationsHome({ user }: { user: UserView }) {
  if (!canRead('applications', user.role)) return null;
  const week = deadlineWeek(istDate());
  return (
    <Row gutter={[16, 16]} data-testid="applications-home">
      <Col xs={24} md={12}>
        <UrgentCard
          title="Application deadlines this week"
          icon={<CalendarOutlined />}
          filters={[
            { field: 'deadline', operator: 'gte', value: week.from },
            { field: 'deadline', operator: 'lte', value: week.to },
            { field: 'status', operator: 'in', value: [...APPLICATION_OPEN_STATUSES] },
          ]}
          sortField="deadline"
          to={plainListPath({ deadline_gte: week.from, deadline_lte: week.to, status: [...APPLICATION_OPEN_STATUSES], _sort: 'deadline' })}
          detail={(application) => <DeadlineText deadline={application.deadline} status={application.status} />}
          empty="No deadline in the coming seven days"
          testId="home-deadlines"
        />
      </Col>
      <Col xs={24} md={12}>
        <UrgentCard
          title="Documents to review"
          icon={<FileSearchOutlined />}
          filters={[{ field: 'documentsToReview', operator: 'eq', value: 'true' }]}
          sortField="updatedAt"
          to={plainListPath({ documentsToReview: 'true' })}
          detail={(application) => `${application.documentsToReview} ${application.documentsToReview === 1 ? 'document' : 'documents'} to review`}
          empty="Nothing waiting for review"
          testId="home-to-review"
        />
      </Col>
    </Row>
  );
}
