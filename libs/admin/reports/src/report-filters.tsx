import { useState } from 'react';
import { useList } from '@refinedev/core';
import { CloseCircleOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Grid, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { istDate, type Role, type UserView } from '@advisordesk/shared';
import { LEVEL_OPTIONS, PICKER_DAY_FORMAT, SOURCE_OPTIONS } from '@advisordesk/admin-ui';
import { useCampaignOptions } from './report-api';
import {
  hasFilters,
  presetOf,
  presetRange,
  RANGE_PRESET_LABELS,
  RANGE_PRESETS,
  type RangePreset,
  type ReportFilters,
  type ReportQuery,
  type ReportRange,
} from './report-query';

const DAY_FORMAT = PICKER_DAY_FORMAT;

const toDay = (value: Dayjs) => value.format('YYYY-MM-DD');

/** On a laptop: one range picker with the presets beside its calendars. */
function RangePickerField({ range, onChange }: { range: ReportRange; onChange: (range: ReportRange) => void }) {
  const today = istDate();
  return (
    <DatePicker.RangePicker
      value={[dayjs(range.from), dayjs(range.to)]}
      onChange={(values) => {
        if (values?.[0] && values[1]) onChange({ from: toDay(values[0]), to: toDay(values[1]) });
      }}
      presets={RANGE_PRESETS.map((preset) => {
        const { from, to } = presetRange(preset, today);
        return { label: RANGE_PRESET_LABELS[preset], value: [dayjs(from), dayjs(to)] as [Dayjs, Dayjs] };
      })}
      format={DAY_FORMAT}
      allowClear={false}
      disabledDate={(day) => toDay(day) > today}
      aria-label="Period"
      id="report-period"
      style={{ flex: '2 1 280px', minWidth: 0 }}
    />
  );
}

/**
 * On a phone the two-month range calendar is wider than the screen: a period list instead,
 * and two one-month pickers for a custom period.
 */
function PhonePeriodField({ range, onChange }: { range: ReportRange; onChange: (range: ReportRange) => void }) {
  const today = istDate();
  const preset = presetOf(range, today);
  const [custom, setCustom] = useState(false);
  const showDays = custom || !preset;
  return (
    <>
      <Select<RangePreset | 'custom'>
        value={showDays ? 'custom' : preset}
        onChange={(value) => {
          if (value === 'custom') setCustom(true);
          else {
            setCustom(false);
            onChange(presetRange(value, today));
          }
        }}
        options={[
          ...RANGE_PRESETS.map((value) => ({ value, label: RANGE_PRESET_LABELS[value] })),
          { value: 'custom' as const, label: 'Custom dates…' },
        ]}
        aria-label="Period"
        style={{ flex: '1 1 100%', minWidth: 0 }}
      />
      {showDays && (
        <Flex gap={8} style={{ flex: '1 1 100%', minWidth: 0 }}>
          <DatePicker
            value={dayjs(range.from)}
            onChange={(value) => value && onChange({ from: toDay(value), to: toDay(value) > range.to ? toDay(value) : range.to })}
            format={DAY_FORMAT}
            allowClear={false}
            inputReadOnly
            disabledDate={(day) => toDay(day) > today}
            aria-label="From"
            placeholder="From"
            style={{ flex: 1, minWidth: 0 }}
          />
          <DatePicker
            value={dayjs(range.to)}
            onChange={(value) => value && onChange({ from: toDay(value) < range.from ? toDay(value) : range.from, to: toDay(value) })}
            format={DAY_FORMAT}
            allowClear={false}
            inputReadOnly
            disabledDate={(day) => toDay(day) > today}
            aria-label="To"
            placeholder="To"
            style={{ flex: 1, minWidth: 0 }}
          />
        </Flex>
      )}
    </>
  );
}

/** Advisors for the filter: managers and admins only (others never filter by advisor). */
function AdvisorSelect({ value, onChange }: { value?: string; onChange: (value?: string) => void }) {
  const {
    result: { data: advisors },
    query: { isLoading },
  } = useList<UserView>({
    resource: 'users',
    filters: [{ field: 'role', operator: 'eq', value: 'advisor' }],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 200 },
    errorNotification: false,
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={isLoading}
      options={(advisors ?? []).map((advisor) => ({ value: advisor.id, label: advisor.active ? advisor.name : `${advisor.name} (deactivated)` }))}
      placeholder="All advisors"
      aria-label="Filter by advisor"
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ flex: '1 1 160px', minWidth: 0 }}
    />
  );
}

export interface ReportFilterBarProps {
  role: Role;
  query: ReportQuery;
  onRangeChange: (range: ReportRange) => void;
  onFilterChange: (filters: ReportFilters) => void;
}

/** The period and filters of a report; the page keeps them in the address. */
export function ReportFilterBar({ role, query, onRangeChange, onFilterChange }: ReportFilterBarProps) {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const campaigns = useCampaignOptions(query);
  const campaignOptions = campaigns.data ?? [];
  // A campaign from a shared link may have no leads in this period: still show it as chosen.
  const withChosen =
    query.campaign && !campaignOptions.some((option) => option.value === query.campaign)
      ? [{ value: query.campaign, label: query.campaign }, ...campaignOptions]
      : campaignOptions;
  const set = (key: keyof ReportFilters) => (value?: string) => onFilterChange({ [key]: value || undefined });
  const managing = role === 'admin' || role === 'manager';

  return (
    <Flex gap={12} wrap data-testid="report-filters">
      {phone ? <PhonePeriodField range={query} onChange={onRangeChange} /> : <RangePickerField range={query} onChange={onRangeChange} />}
      {managing && <AdvisorSelect value={query.advisorId} onChange={set('advisorId')} />}
      <Select
        value={query.source}
        onChange={set('source')}
        options={SOURCE_OPTIONS}
        placeholder="All sources"
        aria-label="Filter by source"
        allowClear
        style={{ flex: '1 1 140px', minWidth: 0 }}
      />
      <Select
        value={query.campaign}
        onChange={set('campaign')}
        options={withChosen}
        loading={campaigns.isLoading}
        placeholder="All campaigns"
        aria-label="Filter by campaign"
        notFoundContent={campaigns.isLoading ? 'Loading…' : 'No campaigns in this period'}
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ flex: '1 1 160px', minWidth: 0 }}
      />
      {role !== 'marketing' && (
        <Select
          value={query.level}
          onChange={set('level')}
          options={LEVEL_OPTIONS}
          placeholder="All levels"
          aria-label="Filter by level"
          allowClear
          style={{ flex: '1 1 140px', minWidth: 0 }}
        />
      )}
      {hasFilters(query) && (
        <Button
          icon={<CloseCircleOutlined />}
          onClick={() => onFilterChange({ advisorId: undefined, source: undefined, campaign: undefined, level: undefined })}
        >
          Clear filters
        </Button>
      )}
    </Flex>
  );
}
