import { useMemo } from 'react';
import { Col, Flex, Row, Typography } from 'antd';
import { ConversionCard } from './conversion-card';
import type { DrillDown } from './funnel-card';
import { DEFAULT_PRESET, presetRange, RANGE_PRESET_LABELS, rangeLabel, reportApiParams } from './report-query';

/** Marketing has no lead list to open: its figures are read, not drilled into. */
const NO_DRILL: DrillDown = {};
const GROUPS = [
  { groupBy: 'source', title: 'Conversion by source' },
  { groupBy: 'utmCampaign', title: 'Conversion by campaign' },
] as const;

/**
 * Marketing's home charts: conversion by source and by campaign for the last 90 days (the only
 * groupings marketing's reports answer), loaded lazily like the managers' charts.
 */
export function MarketingCharts() {
  const range = useMemo(() => presetRange(DEFAULT_PRESET), []);
  const params = useMemo(() => reportApiParams(range), [range]);
  const fill = { height: '100%' };
  return (
    <section aria-labelledby="marketing-charts-title" data-testid="marketing-charts">
      <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} id="marketing-charts-title" style={{ margin: 0 }}>
          Which sources and campaigns convert: leads of the {RANGE_PRESET_LABELS[DEFAULT_PRESET].toLowerCase()}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
            {rangeLabel(range)}
          </Typography.Text>
        </Typography.Title>
      </Flex>
      <Row gutter={[16, 16]}>
        {GROUPS.map(({ groupBy, title }) => (
          <Col key={groupBy} xs={24} xl={12}>
            <ConversionCard
              title={title}
              groups={[groupBy]}
              active={groupBy}
              params={params}
              filtered={false}
              drill={NO_DRILL}
              range={range}
              compact
              style={fill}
            />
          </Col>
        ))}
      </Row>
    </section>
  );
}
