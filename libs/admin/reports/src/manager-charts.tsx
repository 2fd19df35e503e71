import { useMemo } from 'react';
import { useGo, type CrudFilter } from '@refinedev/core';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Typography } from 'antd';
import { ConversionCard } from './conversion-card';
import { FunnelCard, type DrillDown } from './funnel-card';
import {
  cohortFilters,
  DEFAULT_PRESET,
  leadListPath,
  presetRange,
  RANGE_PRESET_LABELS,
  rangeLabel,
  reportApiParams,
  withFilters,
} from './report-query';
import { TrendCard } from './trend-card';

/**
 * The dashboard's view of conversion for admins and managers: the funnel, conversion by source
 * and the weekly trend of the last 90 days, each linking into the lead list, and on to Reports.
 * The chart library loads lazily, after the dashboard itself.
 */
export function ManagerCharts() {
  const go = useGo();
  const range = useMemo(() => presetRange(DEFAULT_PRESET), []);
  const params = useMemo(() => reportApiParams(range), [range]);
  const drill: DrillDown = useMemo(
    () => ({ open: (extra: CrudFilter[]) => go({ to: leadListPath(withFilters(cohortFilters(range), ...extra)) }) }),
    [go, range],
  );
  const fill = { height: '100%' };

  return (
    <section aria-labelledby="manager-charts-title" data-testid="manager-charts">
      <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} id="manager-charts-title" style={{ margin: 0 }}>
          Leads created in the {RANGE_PRESET_LABELS[DEFAULT_PRESET].toLowerCase()}, and how far they got{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
            {rangeLabel(range)}
          </Typography.Text>
        </Typography.Title>
        <Button type="link" onClick={() => go({ to: '/reports' })} icon={<ArrowRightOutlined />} iconPosition="end" style={{ paddingInline: 0 }}>
          All reports
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xxl={8}>
          <FunnelCard params={params} filtered={false} drill={drill} compact style={fill} />
        </Col>
        <Col xs={24} lg={12} xxl={8}>
          <ConversionCard
            title="Conversion by source"
            groups={['source']}
            active="source"
            params={params}
            filtered={false}
            drill={drill}
            range={range}
            compact
            style={fill}
          />
        </Col>
        <Col xs={24} xxl={8}>
          <TrendCard params={params} range={range} filtered={false} drill={drill} compact style={fill} />
        </Col>
      </Row>
    </section>
  );
}
