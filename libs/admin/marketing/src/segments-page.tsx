import { Suspense, useEffect, useMemo, useState } from 'react';
import { useApiUrl, useCustom, useGo, useParsed } from '@refinedev/core';
import { ClearOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Grid, Input, Select, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { LEAD_STATUS_LABELS, LEAD_STATUSES, SEGMENT_FILTERS, type LeadExportCount } from '@advisordesk/shared';
import { readListQuery, useAccess, useOfferedCourses, useSavedViewChanges, useSavedViews, type ApiRequestError } from '@advisordesk/admin-data';
import {
  LEVEL_OPTIONS,
  matchesState,
  MODE_OPTIONS,
  optionsOf,
  PICKER_DAY_FORMAT,
  SavedViewTags,
  SaveViewButton,
  SOURCE_OPTIONS,
  STATE_OPTIONS,
  useAreaSlots,
} from '@advisordesk/admin-ui';

const STATUS_OPTIONS = optionsOf(LEAD_STATUSES, LEAD_STATUS_LABELS);
/** The address's parameters that make the segment: the export's segment filters and their range forms. */
const SEGMENT_KEYS = new Set(SEGMENT_FILTERS.flatMap((name) => [name, `${name}_gte`, `${name}_lte`, `${name}_like`, `${name}_ne`]));

type Segment = Record<string, string | string[]>;

function segmentQuery(segment: Segment): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(segment)) (Array.isArray(value) ? value : [value]).forEach((v) => query.append(key, v));
  return query.toString();
}

/** The segment in the address (`/segments?level=PG&state=Maharashtra`), as the export reads it. */
function useSegment(): [Segment, string] {
  const { params } = useParsed<Record<string, unknown>>();
  return useMemo(() => {
    const segment: Segment = {};
    for (const [key, value] of Object.entries(params ?? {})) {
      if (!SEGMENT_KEYS.has(key)) continue;
      const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
      if (values.length) segment[key] = values.length === 1 && !Array.isArray(value) ? values[0] : values;
    }
    return [segment, segmentQuery(segment)];
  }, [params]);
}

/** The value after the person stops changing it for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const people = (n: number) => `${n.toLocaleString('en-IN')} ${n === 1 ? 'person' : 'people'}`;

/**
 * Marketing's segment builder: course interest, level, mode, city, state, status, created period,
 * source and campaign, kept in the address; how many people match (consented adults only), never who;
 * "Export CSV" of them; segments saved by name and opened again.
 */
export default function SegmentsPage() {
  const go = useGo();
  const apiUrl = useApiUrl();
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const { accessOf } = useAccess();
  const { leadExport: LeadExport } = useAreaSlots();
  const { courses } = useOfferedCourses();
  const [segment, query] = useSegment();
  const settled = useSettled(query, 400);
  const { views } = useSavedViews('segments', accessOf('savedViews') !== 'none');
  const { save, remove, mayDelete } = useSavedViewChanges('segments');

  const { query: countQuery } = useCustom<LeadExportCount, ApiRequestError>({
    url: `${apiUrl}/exports/leads/count${settled ? `?${settled}` : ''}`,
    method: 'get',
    errorNotification: false,
    queryOptions: { placeholderData: (previous) => previous },
  });
  const count = countQuery.data?.data.count;
  const consentedOnly = accessOf('exports') === 'consented';

  const set = (changes: Segment | Record<string, string | string[] | undefined>) => {
    const next: Record<string, string | string[]> = { ...segment };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
      else next[key] = value;
    }
    // The address holds the segment as the export reads it (`level=PG&level=UG`), so a saved segment opens as `/segments?<query>`.
    go({ to: `/segments?${segmentQuery(next)}`, type: 'replace' });
  };
  const one = (key: string) => (typeof segment[key] === 'string' ? (segment[key] as string) : undefined);
  const many = (key: string) => (segment[key] === undefined ? [] : ([] as string[]).concat(segment[key]));
  const created = [one('createdAt_gte'), one('createdAt_lte')].map((d) => (d ? dayjs(d) : null)) as [dayjs.Dayjs | null, dayjs.Dayjs | null];
  const { filters, sorters } = readListQuery(query);
  const flex = (basis: number) => ({ flex: `1 1 ${basis}px`, minWidth: 0 });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Segments
        </Typography.Title>
        <Flex gap={8} wrap>
          <SaveViewButton label="Save segment" mayShare={false} onSave={(name) => save(name, query, false)} />
          {LeadExport && (
            <Suspense fallback={null}>
              <LeadExport filters={filters} sorters={sorters} />
            </Suspense>
          )}
        </Flex>
      </Flex>

      <SavedViewTags
        label="Saved segments:"
        views={views}
        mayDelete={mayDelete}
        onOpen={(view) => go({ to: `/segments?${view.query}` })}
        onDelete={remove}
        testId="saved-segments"
      />

      <Card>
        {countQuery.isError ? (
          <Alert type="error" showIcon message="Could not count this segment" description={countQuery.error?.message} />
        ) : (
          <div data-testid="segment-count" data-count={count ?? ''} data-settled={settled === query && !countQuery.isFetching}>
            <Statistic
              title={consentedOnly ? 'People in this segment with marketing consent, adults only' : 'People in this segment'}
              value={count === undefined ? '—' : people(count)}
              loading={countQuery.isLoading}
              prefix={<TeamOutlined />}
              valueStyle={{ opacity: settled !== query || countQuery.isFetching ? 0.5 : 1 }}
            />
          </div>
        )}
      </Card>

      <Card>
        <Flex gap={8} wrap data-testid="segment-filters">
          <Select
            value={one('courseInterest')}
            onChange={(value?: string) => set({ courseInterest: value })}
            options={courses.map((course) => ({ value: course.name, label: course.name }))}
            placeholder="Any course"
            aria-label="Course interest"
            allowClear
            showSearch
            style={flex(200)}
          />
          <Select
            mode="multiple"
            value={many('level')}
            onChange={(value: string[]) => set({ level: value })}
            options={LEVEL_OPTIONS}
            placeholder="Any level"
            aria-label="Level"
            allowClear
            maxTagCount="responsive"
            style={flex(160)}
          />
          <Select
            mode="multiple"
            value={many('mode')}
            onChange={(value: string[]) => set({ mode: value })}
            options={MODE_OPTIONS}
            placeholder="Any mode"
            aria-label="Mode"
            allowClear
            maxTagCount="responsive"
            style={flex(160)}
          />
          <Select
            mode="multiple"
            value={many('state')}
            onChange={(value: string[]) => set({ state: value })}
            options={STATE_OPTIONS}
            filterOption={matchesState}
            showSearch
            placeholder="Any state"
            aria-label="State"
            allowClear
            maxTagCount="responsive"
            style={flex(180)}
          />
          <Input
            key={`city-${one('city') ?? ''}`}
            defaultValue={one('city')}
            onPressEnter={(event) => set({ city: event.currentTarget.value.trim() })}
            onBlur={(event) => event.target.value.trim() !== (one('city') ?? '') && set({ city: event.target.value.trim() })}
            placeholder="City (exact)"
            aria-label="City"
            allowClear
            style={flex(150)}
          />
          <Select
            mode="multiple"
            value={many('status')}
            onChange={(value: string[]) => set({ status: value })}
            options={STATUS_OPTIONS}
            placeholder="Any status"
            aria-label="Status"
            allowClear
            maxTagCount="responsive"
            style={flex(180)}
          />
          <DatePicker.RangePicker
            value={created[0] || created[1] ? created : null}
            onChange={(range) => set({ createdAt_gte: range?.[0]?.format('YYYY-MM-DD'), createdAt_lte: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            format={PICKER_DAY_FORMAT}
            placeholder={['Created from', 'to']}
            aria-label="Created period"
            inputReadOnly={phone}
            style={flex(240)}
          />
          <Select
            mode="multiple"
            value={many('source')}
            onChange={(value: string[]) => set({ source: value })}
            options={SOURCE_OPTIONS}
            placeholder="Any source"
            aria-label="Source"
            allowClear
            maxTagCount="responsive"
            style={flex(160)}
          />
          {(['utmSource', 'utmCampaign'] as const).map((key) => (
            <Input
              key={`${key}-${one(key) ?? ''}`}
              defaultValue={one(key)}
              onPressEnter={(event) => set({ [key]: event.currentTarget.value.trim() })}
              onBlur={(event) => event.target.value.trim() !== (one(key) ?? '') && set({ [key]: event.target.value.trim() })}
              placeholder={key === 'utmSource' ? 'UTM source (exact)' : 'Campaign (exact)'}
              aria-label={key === 'utmSource' ? 'UTM source' : 'Campaign'}
              allowClear
              style={flex(150)}
            />
          ))}
          {query && (
            <Button type="link" icon={<ClearOutlined />} onClick={() => go({ to: '/segments', type: 'replace' })}>
              Clear
            </Button>
          )}
        </Flex>
      </Card>
    </Space>
  );
}
