import { lazy, Suspense, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useGo, useLink, type CrudSort, type LogicalFilter } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { AppstoreOutlined, ClearOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Grid, Input, Modal, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import {
  formatCalendarDay,
  formatIstDateTime,
  formatPhone,
  isCalendarDay,
  LEAD_MODE_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  LEAD_STATUSES,
  PROGRAM_LEVEL_LABELS,
  type LeadMode,
  type LeadSource,
  type LeadStatus,
  type LeadListColumn,
  type LeadView,
  type ProgramLevel,
} from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';
import { FilterSelect, listFilters, optionsOf, useAreaSlots } from '@advisordesk/admin-ui';
import { AutoAssignNotice } from './components/auto-assign-notice';
import { useBulkSelection } from './use-bulk-actions';
import { FirstContactWait } from './components/first-contact-wait';
import { FollowUpDate } from './components/follow-up-date';
import { LeadStatusTag } from './components/status-tag';
import { useAdvisors } from '@advisordesk/admin-data';
import { describeLeadTotal } from './list-total';
import { RepliedBadge } from './components/replied-badge';
import { ColumnChooser, useChosenColumns } from './components/column-chooser';
import { SavedViewsBar, SaveLeadViewButton } from './components/saved-views';
import { activeQuickFilter, applyQuickFilter, QUICK_FILTER_LABELS, QUICK_FILTERS, type QuickFilter } from './quick-filters';

const STATUS_OPTIONS = optionsOf(LEAD_STATUSES, LEAD_STATUS_LABELS);
const PHONE_SORTS: { value: string; label: string; sort: CrudSort }[] = [
  { value: 'createdAt:desc', label: 'Newest first', sort: { field: 'createdAt', order: 'desc' } },
  { value: 'nextFollowUpAt:asc', label: 'Follow-up soonest', sort: { field: 'nextFollowUpAt', order: 'asc' } },
  { value: 'updatedAt:desc', label: 'Recently changed', sort: { field: 'updatedAt', order: 'desc' } },
  { value: 'fullName:asc', label: 'Name A–Z', sort: { field: 'fullName', order: 'asc' } },
];

const FILTER_LABELS: Record<string, string> = {
  status: 'Status',
  advisorId: 'Advisor',
  source: 'Source',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'Campaign',
  utmTerm: 'UTM term',
  utmContent: 'UTM content',
  level: 'Level',
  mode: 'Mode',
  createdAt: 'Created',
  nextFollowUpAt: 'Follow-up',
  nextFollowUpAt_null: 'Next follow-up',
  consentWhatsapp: 'WhatsApp consent',
  consentMarketing: 'Marketing consent',
  whatsappUnanswered: 'Replied on WhatsApp, unanswered',
  city: 'City',
  state: 'State',
  courseInterest: 'Course interest',
};
const OPERATOR_WORDS: Record<string, string> = { gte: 'from', lte: 'until', ne: 'not', contains: 'contains', in: '', eq: '' };

// Loaded on first use rather than with the list: "More filters" (and in it the date filters, with
// the date picker) when first opened, the new-lead dialog (with the lead form) when "New lead" is
// first pressed.
const loadMoreLeadFilters = () => import('./components/more-lead-filters');
const MoreLeadFilters = lazy(loadMoreLeadFilters);
const loadNewLeadDialog = () => import('./components/new-lead-dialog');
// The bulk bar, once the first lead is ticked.
const BulkActionsBar = lazy(() => import('./components/bulk-actions-bar').then((module) => ({ default: module.BulkActionsBar })));
const NewLeadDialog = lazy(loadNewLeadDialog);

/** The "More filters" panel's frame while its fields load. */
function MoreFiltersLoading() {
  return <div aria-busy="true" style={{ minHeight: 56, background: '#f7f9fb', borderRadius: 8 }} />;
}

/** The bulk bar's frame while it loads. */
function BulkBarLoading() {
  return <div aria-busy="true" style={{ height: 42, marginBottom: 12, background: '#eef4fa', border: '1px solid #c9dbea', borderRadius: 8 }} />;
}

/** The new-lead dialog's frame while its form loads. */
function NewLeadLoading() {
  return <Modal open loading title="New lead" footer={null} closable={false} width={640} />;
}

/**
 * The lead list: server-paged, sortable, searchable, every filter in the address. Quick filters
 * for the day's work; "New lead" for walk-ins and calls; export for the roles that may.
 */
export default function LeadListPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const go = useGo();
  const Link = useLink();
  const { user: me, canWrite } = useAccess();
  const managing = canWrite('leadAssignment');
  const { leadExport: LeadExport } = useAreaSlots();
  const { data: advisors } = useAdvisors(managing);
  const [moreFilters, setMoreFilters] = useState(false);
  const chosenColumns = useChosenColumns();

  const { tableProps, filters, setFilters, sorters, setSorters, tableQuery } = useTable<LeadView, ApiRequestError>({
    resource: 'leads',
    syncWithLocation: true,
    pagination: { pageSize: 25 },
    sorters: { initial: [{ field: 'createdAt', order: 'desc' }] },
  });
  const f = listFilters(filters, setFilters);
  const bulk = useBulkSelection(filters);
  // Once shown, the bulk bar stays mounted (it hides itself): it keeps its dialog's state.
  const [bulkBarUsed, setBulkBarUsed] = useState(false);
  const anyTicked = bulk.ticked > 0 || bulk.matching;
  useEffect(() => {
    if (anyTicked) setBulkBarUsed(true);
  }, [anyTicked]);
  const q = f.text('q') ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  // Searches as the person types (300 ms after the last key), the search kept in the address.
  const setQuery = useRef(f.set);
  setQuery.current = f.set;
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => setQuery.current('q', search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search, q]);
  const quick = activeQuickFilter(filters, me?.id);
  // How many times "New lead" was pressed: the dialog is loaded at the first, and opens at each.
  const [newLeadOpenings, setNewLeadOpenings] = useState(0);

  const advisorName = useMemo(() => new Map((advisors ?? []).map((a) => [a.id, a.name])), [advisors]);
  const describeValue = (filter: LogicalFilter): string => {
    const values = (Array.isArray(filter.value) ? filter.value : [filter.value]).map(String);
    const words = values.map((value) => {
      switch (filter.field) {
        case 'status':
          return LEAD_STATUS_LABELS[value as LeadStatus] ?? value;
        case 'source':
          return LEAD_SOURCE_LABELS[value as LeadSource] ?? value;
        case 'level':
          return PROGRAM_LEVEL_LABELS[value as ProgramLevel] ?? value;
        case 'mode':
          return LEAD_MODE_LABELS[value as LeadMode] ?? value;
        case 'advisorId':
          return value === me?.id ? 'me' : (advisorName.get(value) ?? 'an advisor');
        case 'consentWhatsapp':
        case 'consentMarketing':
        case 'whatsappUnanswered':
          return value === 'true' ? 'yes' : 'no';
        case 'nextFollowUpAt_null':
          return value === 'true' ? 'none' : 'scheduled';
        default:
          return /^\d{4}-\d{2}-\d{2}T/.test(value) ? formatIstDateTime(value) : isCalendarDay(value) ? formatCalendarDay(value) : value;
      }
    });
    return words.join(', ');
  };
  const chips = f.active.filter((filter) => filter.field !== 'q');

  const columns: TableColumnsType<LeadView> = [
    {
      title: 'Lead',
      dataIndex: 'fullName',
      key: 'fullName',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('fullName', sorters),
      render: (_, lead) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Space size={8} wrap>
            <Link to={`/leads/${lead.id}`} style={{ fontWeight: 600 }} onClick={(event: MouseEvent) => event.stopPropagation()}>
              {lead.fullName}
            </Link>
            <RepliedBadge lead={lead} />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
            {lead.phone ? formatPhone(lead.phone) : 'no phone'}
            {!phone && <span style={{ opacity: 0.7 }}> · {lead.reference}</span>}
          </Typography.Text>
          {phone && (
            <Space size={6} wrap>
              <LeadStatusTag status={lead.status} />
              <FollowUpDate value={lead.nextFollowUpAt} empty="" small />
              <FirstContactWait lead={lead} />
            </Space>
          )}
          {phone && lead.courseInterest && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {lead.courseInterest}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Status',
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('status', sorters),
      responsive: ['sm'],
      render: (_, lead) => (
        <Space direction="vertical" size={2}>
          <LeadStatusTag status={lead.status} lostReason={lead.lostReason} />
          <FirstContactWait lead={lead} />
        </Space>
      ),
    },
    {
      title: 'Next follow-up',
      dataIndex: 'nextFollowUpAt',
      key: 'nextFollowUpAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('nextFollowUpAt', sorters),
      responsive: ['sm'],
      render: (value: string | null) => <FollowUpDate value={value} />,
    },
    {
      title: 'Interest',
      dataIndex: 'courseInterest',
      key: 'courseInterest',
      // With the advisor column (managers) it needs a wider screen to fit.
      responsive: managing ? ['xxl'] : ['xl'],
      render: (_, lead) => (
        <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ maxWidth: 220 }}>
            {lead.courseInterest ?? '—'}
          </Typography.Text>
          {lead.level && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {PROGRAM_LEVEL_LABELS[lead.level]}
              {lead.mode ? ` · ${LEAD_MODE_LABELS[lead.mode]}` : ''}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Source',
      dataIndex: 'source',
      key: 'source',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('source', sorters),
      responsive: ['md'],
      render: (_, lead) => (
        <Space direction="vertical" size={0}>
          <span style={{ whiteSpace: 'nowrap' }}>{LEAD_SOURCE_LABELS[lead.source] ?? lead.source}</span>
          {lead.utmCampaign && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {lead.utmCampaign}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(managing
      ? [
          {
            title: 'Advisor',
            dataIndex: 'advisorName',
            key: 'advisorName',
            className: 'lead-advisor',
            responsive: ['md'],
            render: (value: string | null) =>
              value ? <span style={{ whiteSpace: 'nowrap' }}>{value}</span> : <Typography.Text type="warning">Unassigned</Typography.Text>,
          } satisfies TableColumnsType<LeadView>[number],
        ]
      : []),
    {
      title: 'Created',
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('createdAt', sorters),
      responsive: ['lg'],
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span>,
    },
  ];

  const total = tableQuery.data?.total ?? 0;
  const estimated = tableQuery.data?.estimated === true;
  const pagination = tableProps.pagination
    ? {
        ...tableProps.pagination,
        showSizeChanger: !phone,
        pageSizeOptions: [25, 50, 100],
        size: 'small' as const,
        showTotal: phone
          ? undefined
          : (count: number, [from, to]: [number, number]) =>
              `${from.toLocaleString('en-IN')}–${to.toLocaleString('en-IN')} of ${describeLeadTotal(count, estimated)}`,
      }
    : false;

  const setQuick = (next: QuickFilter | 'all') => setFilters(applyQuickFilter(filters, next === 'all' ? undefined : next, me?.id), 'merge');
  const sortValue = sorters[0] ? `${sorters[0].field}:${sorters[0].order}` : 'createdAt:desc';

  return (
    <List
      title="Leads"
      breadcrumb={false}
      headerButtons={
        <Flex gap={8} wrap align="center" justify="flex-end">
          {managing && <AutoAssignNotice />}
          <ColumnChooser available={columns.map((column) => column.key as LeadListColumn)} />
          <SaveLeadViewButton filters={filters} sorters={sorters} />
          <Button icon={<AppstoreOutlined />} onClick={() => go({ to: '/leads/board' })}>
            Board
          </Button>
          {LeadExport && (
            <Suspense fallback={null}>
              <LeadExport filters={filters} sorters={sorters} />
            </Suspense>
          )}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setNewLeadOpenings((count) => count + 1)}
            onPointerEnter={() => void loadNewLeadDialog()}
            onFocus={() => void loadNewLeadDialog()}
          >
            New lead
          </Button>
        </Flex>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
        <SavedViewsBar />
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented<string>
            value={quick ?? (chips.length ? 'none' : 'all')}
            onChange={(value) => setQuick(value as QuickFilter | 'all')}
            options={[{ value: 'all', label: 'All' }, ...QUICK_FILTERS.map((value) => ({ value, label: QUICK_FILTER_LABELS[value] }))]}
            aria-label="Quick filters"
            size={phone ? 'small' : 'middle'}
          />
        </div>
        <Flex gap={8} wrap>
          <Input.Search
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => f.set('q', value.trim())}
            placeholder="Search name, phone or email"
            aria-label="Search leads"
            allowClear
            enterButton
            inputMode="search"
            style={{ flex: '3 1 260px', minWidth: 0 }}
          />
          <Select
            mode="multiple"
            value={f.list('status').length ? f.list('status') : f.list('status', 'eq')}
            onChange={(value: string[]) =>
              f.setMany([
                { field: 'status', operator: 'eq', value: undefined },
                { field: 'status', operator: 'in', value },
              ])
            }
            options={STATUS_OPTIONS}
            placeholder="Any status"
            aria-label="Filter by status"
            allowClear
            maxTagCount="responsive"
            style={{ flex: '2 1 200px', minWidth: 0 }}
          />
          {managing && (
            <FilterSelect
              filters={f}
              field="advisorId"
              options={(advisors ?? []).map((a) => ({ value: a.id, label: a.name }))}
              placeholder="Any advisor"
              label="Filter by advisor"
              search
              flex="1 1 160px"
            />
          )}
          <Badge count={chips.filter((c) => !['status', 'advisorId'].includes(c.field)).length} size="small" offset={[-4, 4]}>
            <Button
              icon={<FilterOutlined />}
              onClick={() => setMoreFilters((open) => !open)}
              onPointerEnter={() => void loadMoreLeadFilters().then((panel) => panel.loadDateRangeFilter())}
              aria-expanded={moreFilters}
            >
              {phone ? null : 'More filters'}
            </Button>
          </Badge>
          {phone && (
            <Select
              value={PHONE_SORTS.some((s) => s.value === sortValue) ? sortValue : undefined}
              onChange={(value: string) => setSorters([PHONE_SORTS.find((s) => s.value === value)?.sort ?? PHONE_SORTS[0].sort])}
              options={PHONE_SORTS.map(({ value, label }) => ({ value, label }))}
              placeholder="Sort"
              aria-label="Sort leads"
              style={{ flex: '1 1 150px' }}
            />
          )}
        </Flex>
        {moreFilters && (
          <Suspense fallback={<MoreFiltersLoading />}>
            <MoreLeadFilters filters={f} phone={phone} />
          </Suspense>
        )}
        {chips.length > 0 && (
          <Flex gap={6} wrap align="center" data-testid="active-filters">
            {chips.map((chip) => (
              <Tag
                key={`${chip.field}-${chip.operator}`}
                closable
                onClose={(event) => {
                  event.preventDefault();
                  f.set(chip.field, undefined, chip.operator);
                }}
                style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
              >
                {FILTER_LABELS[chip.field] ?? chip.field}
                {OPERATOR_WORDS[chip.operator] ? ` ${OPERATOR_WORDS[chip.operator]}` : ''}: {describeValue(chip)}
              </Tag>
            ))}
            <Button size="small" type="link" icon={<ClearOutlined />} onClick={() => setQuick('all')}>
              Clear filters
            </Button>
          </Flex>
        )}
      </Space>

      {canWrite('bulkActions') && bulkBarUsed && (
        <Suspense fallback={<BulkBarLoading />}>
          <BulkActionsBar bulk={bulk} total={total} estimated={estimated} />
        </Suspense>
      )}
      <Table<LeadView>
        {...tableProps}
        rowKey="id"
        rowSelection={canWrite('bulkActions') ? bulk.rowSelection : undefined}
        columns={chosenColumns ? columns.filter((column) => chosenColumns.includes(column.key as LeadListColumn)) : columns}
        pagination={pagination}
        size={phone ? 'small' : 'middle'}
        onRow={(lead) => ({ onClick: () => go({ to: `/leads/${lead.id}` }), style: { cursor: 'pointer' } })}
        locale={{ emptyText: chips.length || q ? 'No leads match these filters' : 'No leads yet' }}
        data-testid="leads-table"
        data-total={total}
      />

      {newLeadOpenings > 0 && (
        <Suspense fallback={<NewLeadLoading />}>
          <NewLeadDialog openings={newLeadOpenings} />
        </Suspense>
      )}
    </List>
  );
}
