import { lazy, Suspense, type ComponentProps } from 'react';
import { Flex, Input } from 'antd';
import { useOfferedCourses } from '@advisordesk/admin-data';
import { FilterSelect, LEVEL_OPTIONS, matchesState, MODE_OPTIONS, SOURCE_OPTIONS, STATE_OPTIONS, type ListFilters } from '@advisordesk/admin-ui';

const YES_NO = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

// The date filters load with the date picker once the panel is open.
export const loadDateRangeFilter = () => import('./date-range-filter');
const DateRangeFilter = lazy(loadDateRangeFilter);

/** A date filter, with a field of its size as a stand-in while the picker loads. */
function LazyDateRangeFilter(props: ComponentProps<typeof DateRangeFilter>) {
  return (
    <Suspense fallback={<Input disabled placeholder={props.placeholder.join(' – ')} style={{ flex: '2 1 240px', minWidth: 0 }} />}>
      <DateRangeFilter {...props} />
    </Suspense>
  );
}

/** The lead list's "More filters": source, campaign, state, course, level, mode, dates and consent (the list loads it when first opened). */
export default function MoreLeadFilters({ filters: f, phone }: { filters: ListFilters; phone: boolean }) {
  const { courses } = useOfferedCourses();
  return (
    <Flex gap={8} wrap data-testid="more-filters" style={{ padding: 12, background: '#f7f9fb', borderRadius: 8 }}>
      <FilterSelect filters={f} field="source" options={SOURCE_OPTIONS} placeholder="Any source" label="Filter by source" flex="1 1 150px" />
      <Input
        key={`campaign-${f.text('utmCampaign') ?? ''}`}
        defaultValue={f.text('utmCampaign')}
        onPressEnter={(event) => f.set('utmCampaign', event.currentTarget.value.trim())}
        onBlur={(event) => event.target.value.trim() !== (f.text('utmCampaign') ?? '') && f.set('utmCampaign', event.target.value.trim())}
        placeholder="Campaign (exact)"
        aria-label="Filter by campaign"
        allowClear
        style={{ flex: '1 1 150px', minWidth: 0 }}
      />
      <FilterSelect
        filters={f}
        field="state"
        options={STATE_OPTIONS}
        placeholder="Any state"
        label="Filter by state"
        search
        filterOption={matchesState}
        flex="1 1 170px"
      />
      <FilterSelect
        filters={f}
        field="courseInterest"
        options={courses.map((course) => ({ value: course.name, label: course.name }))}
        placeholder="Any course"
        label="Filter by course interest"
        search
        flex="1 1 190px"
      />
      <FilterSelect filters={f} field="level" options={LEVEL_OPTIONS} placeholder="Any level" label="Filter by level" flex="1 1 130px" />
      <FilterSelect filters={f} field="mode" options={MODE_OPTIONS} placeholder="Any mode" label="Filter by mode" flex="1 1 130px" />
      <LazyDateRangeFilter filters={f} field="createdAt" placeholder={['Created from', 'to']} label="Filter by creation date" phone={phone} />
      <LazyDateRangeFilter
        filters={f}
        field="nextFollowUpAt"
        replacesExact
        placeholder={['Follow-up from', 'to']}
        label="Filter by follow-up date"
        phone={phone}
      />
      <FilterSelect
        filters={f}
        field="consentWhatsapp"
        options={YES_NO}
        placeholder="WhatsApp consent"
        label="Filter by WhatsApp consent"
        flex="1 1 150px"
      />
      <FilterSelect
        filters={f}
        field="consentMarketing"
        options={YES_NO}
        placeholder="Marketing consent"
        label="Filter by marketing consent"
        flex="1 1 150px"
      />
    </Flex>
  );
}
