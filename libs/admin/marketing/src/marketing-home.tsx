import { Suspense } from 'react';
import { useGo } from '@refinedev/core';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Typography } from 'antd';
import type { UserView } from '@advisordesk/shared';
import { useAccess, useSavedViews } from '@advisordesk/admin-data';
import { useAreaSlots } from '@advisordesk/admin-ui';

/** Marketing's home: which sources and campaigns convert (90 days), its segments, and its latest exports. */
export function MarketingHome({ user }: { user: UserView }) {
  const go = useGo();
  const { accessOf } = useAccess();
  const { marketingCharts: Charts, myExports: MyExports } = useAreaSlots();
  const { views } = useSavedViews('segments', user.role === 'marketing' && accessOf('savedViews') !== 'none');
  return (
    <Row gutter={[16, 16]} data-testid="marketing-home">
      {Charts && (
        <Col xs={24}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Charts />
          </Suspense>
        </Col>
      )}
      <Col xs={24} lg={12}>
        <Card
          title="Campaign lists"
          style={{ height: '100%' }}
          extra={
            <Button type="link" onClick={() => go({ to: '/segments' })} icon={<ArrowRightOutlined />} iconPosition="end" style={{ paddingInline: 0 }}>
              Build a segment
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">
            Pick a course, level, place or campaign, see how many consenting adults match, and export them.
          </Typography.Paragraph>
          {views.slice(0, 6).map((view) => (
            <div key={view.id}>
              <Button type="link" onClick={() => go({ to: `/segments?${view.query}` })} style={{ paddingInline: 0 }}>
                {view.name}
              </Button>
            </div>
          ))}
        </Card>
      </Col>
      {MyExports && (
        <Col xs={24} lg={12}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
            <MyExports />
          </Suspense>
        </Col>
      )}
    </Row>
  );
}
