import { Suspense, useCallback, useMemo } from 'react';
import { useGo, type CrudFilter, type CrudSort } from '@refinedev/core';
import { useSearchParams } from 'react-router';
import { Card, Col, Flex, Grid, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import type { ConversionGroupBy } from '@advisordesk/shared';
import { useAccess } from '@advisordesk/admin-data';
import { ForbiddenPage, useAreaSlots } from '@advisordesk/admin-ui';
import { ApplicationsCard } from './applications-card';
import { ConversionCard } from './conversion-card';
import { FunnelCard, type DrillDown } from './funnel-card';
import { ProductivityCard } from './productivity-card';
import { formatCount, formatRate, useFunnelReport } from './report-api';
import { ReportFilterBar } from './report-filters';
import {
  applicationGroupsFor,
  cohortFilters,
  conversionGroupsFor,
  hasFilters,
  leadListPath,
  rangeLabel,
  readReportQuery,
  reportApiParams,
  reportSearch,
  withFilters,
  type ReportFilters,
  type ReportQuery,
  type ReportRange,
} from './report-query';
import { TrendCard } from './trend-card';

const EXPORT_SORT: CrudSort[] = [{ field: 'createdAt', order: 'desc' }];

/** Headline figures of the period, from the funnel. */
function Headline({ params }: { params: Record<string, string> }) {
  const funnel = useFunnelReport(params);
  const stages = funnel.data?.stages;
  const loading = !stages;
  const byStage = (stage: string) => stages?.find((s) => s.stage === stage);
  const leads = byStage('new')?.reached ?? 0;
  const items = [
    { key: 'leads', title: 'Leads created in this period', value: formatCount(leads), note: null },
    {
      key: 'contacted',
      title: 'Of those, contacted',
      value: formatCount(byStage('contacted')?.reached),
      note: formatRate(byStage('contacted')?.fromStart),
    },
    {
      key: 'enrolled',
      title: 'Of those, enrolled by now',
      value: formatCount(byStage('enrolled')?.reached),
      note: formatRate(byStage('enrolled')?.fromStart),
    },
    { key: 'lost', title: 'Of those, lost', value: formatCount(funnel.data?.lost), note: leads ? formatRate((funnel.data?.lost ?? 0) / leads) : '—' },
  ];
  if (funnel.isError && !stages) return null; // the funnel card says what went wrong
  return (
    <Row gutter={[12, 12]} data-testid="report-headline">
      {items.map((item) => (
        <Col key={item.key} xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={item.title}
              value={item.value}
              loading={loading}
              suffix={
                item.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {item.note}
                  </Typography.Text>
                ) : undefined
              }
              valueStyle={{ fontVariantNumeric: 'tabular-nums' }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * Reports: the funnel of the period's leads, conversion by advisor / source / campaign / level,
 * the weekly trend and advisor productivity. Period, filters and the grouping live in the address
 * (`/reports?from=…&to=…&source=website&by=source`), so a report can be shared or reloaded; a
 * click on a stage, bar or group opens the lead list with the same filters.
 */
export default function ReportsPage() {
  const { user, role, isLoading, canRead } = useAccess();
  const { leadExport: LeadExport } = useAreaSlots();
  const [searchParams, setSearchParams] = useSearchParams();
  const go = useGo();
  const screens = Grid.useBreakpoint();
  const query = useMemo(() => readReportQuery(searchParams, role), [searchParams, role]);
  const params = useMemo(() => reportApiParams(query), [query]);
  const groups = useMemo(() => (role ? conversionGroupsFor(role) : []), [role]);
  const requestedGroup = searchParams.get('by') as ConversionGroupBy | null;
  const activeGroup = requestedGroup && groups.includes(requestedGroup) ? requestedGroup : groups[0];

  const navigate = useCallback(
    (next: ReportQuery, group: ConversionGroupBy | undefined) =>
      setSearchParams(reportSearch(next, { by: group && group !== groups[0] ? group : undefined })),
    [groups, setSearchParams],
  );
  const onRangeChange = (range: ReportRange) => navigate({ ...query, ...range }, activeGroup);
  const onFilterChange = (filters: ReportFilters) => navigate({ ...query, ...filters }, activeGroup);
  const onGroupChange = (group: ConversionGroupBy) => navigate(query, group);

  const drill: DrillDown = useMemo(
    () => ({ open: canRead('leads') ? (extra: CrudFilter[]) => go({ to: leadListPath(withFilters(cohortFilters(query), ...extra)) }) : undefined }),
    [role, query, go],
  );

  if (isLoading || !user || !role) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!canRead('reports')) return <ForbiddenPage />;

  const filtered = hasFilters(query);
  const marketing = role === 'marketing';
  const managing = role === 'admin' || role === 'manager';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="reports-page">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Reports
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="report-period">
            Leads created {rangeLabel(query)} (IST){role === 'advisor' ? ', assigned to you' : ''}
            {marketing ? ': figures by source and campaign' : ''}
          </Typography.Text>
        </div>
        {LeadExport && (
          <Suspense fallback={null}>
            <LeadExport filters={cohortFilters(query)} sorters={EXPORT_SORT} />
          </Suspense>
        )}
      </Flex>

      <ReportFilterBar role={role} query={query} onRangeChange={onRangeChange} onFilterChange={onFilterChange} />

      {!marketing && <Headline params={params} />}
      {!marketing && <FunnelCard params={params} filtered={filtered} drill={drill} />}

      <ConversionCard
        title={screens.sm === false ? 'Conversion' : 'Conversion of the period’s leads'}
        groups={groups}
        active={activeGroup}
        onActiveChange={onGroupChange}
        params={params}
        filtered={filtered}
        drill={drill}
        range={query}
      />

      <TrendCard params={params} range={query} filtered={filtered} drill={drill} />

      {(managing || role === 'advisor') && <ProductivityCard params={params} drill={drill} own={role === 'advisor'} />}

      {/* Applications made in the period (the lead filters above do not apply to them). */}
      {canRead('applications') && <ApplicationsCard range={query} groups={applicationGroupsFor(role)} />}
    </Space>
  );
}
