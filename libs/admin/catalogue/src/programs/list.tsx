import { useState } from 'react';
import { useCan, useLink } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Grid, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatInr, LEAD_MODE_LABELS, PROGRAM_LEVEL_LABELS, rupeesToPaise, type ProgramView } from '@advisordesk/shared';
import { formatDuration, labelOf, useCompareTray, type ApiRequestError } from '@advisordesk/admin-data';
import { ApprovalTags, FilterSelect, listFilters, listPagination, ListToolbar, UniversityFilter } from '@advisordesk/admin-ui';
import { ApprovalsFilter, NaacFilter } from '../components/catalogue-filters';
import { CatalogueHeaderButtons } from '../components/catalogue-header-buttons';
import { groupIndianDigits, ungroupDigits } from '../fee-structures/rupees';
import { CompareBar } from './components/compare-bar';
import { CREDENTIAL_OPTIONS, LEVEL_OPTIONS, MODE_OPTIONS } from './components/options';
import { RangeFilter } from './components/range-filter';

/** Duration presets, as students ask: "a year or less", "two years"… */
const DURATIONS = [
  { value: 'upto6', label: 'Up to 6 months', gte: undefined, lte: 6 },
  { value: 'upto12', label: 'Up to 1 year', gte: undefined, lte: 12 },
  { value: '13to24', label: '1–2 years', gte: 13, lte: 24 },
  { value: '25to36', label: '2–3 years', gte: 25, lte: 36 },
  { value: 'over36', label: 'More than 3 years', gte: 37, lte: undefined },
] as const;

const paiseToWholeRupees = (paise: string | undefined) => (paise && /^\d+$/.test(paise) ? Math.floor(Number(paise) / 100) : undefined);

/** Programs with their university and current fee; filters and sorting live in the address. */
export default function ProgramListPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const Link = useLink();
  const tray = useCompareTray();
  const { data: editAccess } = useCan({ resource: 'programs', action: 'create' });
  const canEdit = editAccess?.can === true;
  const [showFilters, setShowFilters] = useState(false);

  const { tableProps, filters, setFilters, sorters } = useTable<ProgramView, ApiRequestError>({
    resource: 'programs',
    syncWithLocation: true,
    pagination: { pageSize: 20 },
    sorters: { initial: [{ field: 'universityName', order: 'asc' }] },
  });
  const f = listFilters(filters, setFilters);
  const q = f.text('q') ?? '';

  const durationGte = f.text('durationMonths', 'gte');
  const durationLte = f.text('durationMonths', 'lte');
  const duration = DURATIONS.find((d) => String(d.gte ?? '') === (durationGte ?? '') && String(d.lte ?? '') === (durationLte ?? ''))?.value;
  const feeFrom = paiseToWholeRupees(f.text('totalPaise', 'gte'));
  const feeTo = paiseToWholeRupees(f.text('totalPaise', 'lte'));
  const secondaryCount = f.count - (q ? 1 : 0);

  const columns: TableColumnsType<ProgramView> = [
    {
      title: <span className="sr-only">Compare</span>,
      key: 'compare',
      width: 44,
      render: (_, p) => {
        const picked = tray.has(p.id);
        return (
          <Tooltip title={!picked && tray.full ? 'Five programs at most: remove one first' : undefined}>
            <Checkbox
              checked={picked}
              disabled={!picked && tray.full}
              onChange={() => tray.toggle(p)}
              aria-label={`Compare ${p.name}, ${p.universityName}`}
            />
          </Tooltip>
        );
      },
    },
    {
      title: 'Program',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('name', sorters),
      render: (_, p) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Link to={`/programs/show/${p.id}`} style={{ fontWeight: 600 }}>
            {p.name}
          </Link>
          {!screens.md && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {p.universityName}
            </Typography.Text>
          )}
          {phone && (
            <Typography.Text style={{ fontSize: 13 }}>
              {labelOf(PROGRAM_LEVEL_LABELS, p.level)} · {labelOf(LEAD_MODE_LABELS, p.mode)} · {p.durationMonths ? `${p.durationMonths} mo` : '—'} ·{' '}
              <Typography.Text strong style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
                {p.currentFee ? formatInr(p.currentFee.totalPaise) : 'No fee yet'}
              </Typography.Text>
            </Typography.Text>
          )}
          {!p.active && <Tag bordered={false}>Inactive</Tag>}
        </Space>
      ),
    },
    {
      title: 'University',
      dataIndex: 'universityName',
      key: 'universityName',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('universityName', sorters),
      responsive: ['md'],
      render: (_, p) => (
        <Space direction="vertical" size={2}>
          <Typography.Text>{p.universityName}</Typography.Text>
          {screens.xl && <ApprovalTags approvals={p.approvals} empty="" />}
        </Space>
      ),
    },
    {
      title: 'Level',
      dataIndex: 'level',
      key: 'level',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('level', sorters),
      responsive: ['sm'],
      render: (value: ProgramView['level']) => labelOf(PROGRAM_LEVEL_LABELS, value),
    },
    {
      title: 'Mode',
      dataIndex: 'mode',
      key: 'mode',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('mode', sorters),
      responsive: ['sm'],
      render: (value: ProgramView['mode']) => labelOf(LEAD_MODE_LABELS, value),
    },
    {
      title: 'Duration',
      dataIndex: 'durationMonths',
      key: 'durationMonths',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('durationMonths', sorters),
      responsive: ['lg'],
      render: (value: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDuration(value)}</span>,
    },
    {
      title: 'Current fee',
      dataIndex: 'totalPaise',
      key: 'totalPaise',
      sorter: true,
      align: 'right',
      defaultSortOrder: getDefaultSortOrder('totalPaise', sorters),
      responsive: ['sm'],
      render: (_, p) =>
        p.currentFee ? (
          <Space direction="vertical" size={0} align="end">
            <Typography.Text strong style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {formatInr(p.currentFee.totalPaise)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {p.currentFee.session}
              {p.currentFee.emiAvailable ? ' · EMI' : ''}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">No fee yet</Typography.Text>
        ),
    },
  ];

  const pagination = listPagination(tableProps.pagination, phone);

  const filterFlex = '1 1 170px';
  const filterStyle = { flex: filterFlex, minWidth: 0 };

  return (
    <List
      title="Programs"
      breadcrumb={false}
      headerButtons={<CatalogueHeaderButtons canEdit={canEdit} resource="programs" createLabel="Add program" />}
    >
      <ListToolbar
        filters={f}
        search={{ placeholder: 'Search program, university or specialisation', label: 'Search programs', flex: '3 1 280px' }}
        style={{ marginBottom: 12 }}
      >
        {phone && (
          <Badge count={secondaryCount} size="small">
            <Button icon={<FilterOutlined />} onClick={() => setShowFilters((v) => !v)} aria-expanded={showFilters}>
              Filters
            </Button>
          </Badge>
        )}
      </ListToolbar>
      {(!phone || showFilters) && (
        <Flex gap={12} wrap style={{ marginBottom: 16 }} data-testid="program-filters">
          <UniversityFilter filters={f} flex="2 1 220px" />
          <FilterSelect
            filters={f}
            field="level"
            options={LEVEL_OPTIONS}
            placeholder="Any level"
            label="Filter by level"
            multiple
            flex={filterFlex}
          />
          <FilterSelect filters={f} field="mode" options={MODE_OPTIONS} placeholder="Any mode" label="Filter by mode" multiple flex={filterFlex} />
          <FilterSelect
            filters={f}
            field="credentialType"
            options={CREDENTIAL_OPTIONS}
            placeholder="Any credential"
            label="Filter by credential type"
            multiple
            flex={filterFlex}
          />
          <ApprovalsFilter filters={f} flex={filterFlex} />
          <NaacFilter filters={f} flex={filterFlex} />
          <Select
            value={duration}
            onChange={(value?: string) => {
              const preset = DURATIONS.find((d) => d.value === value);
              f.setMany([
                { field: 'durationMonths', operator: 'gte', value: preset?.gte },
                { field: 'durationMonths', operator: 'lte', value: preset?.lte },
              ]);
            }}
            options={DURATIONS.map(({ value, label }) => ({ value, label }))}
            placeholder={durationGte || durationLte ? `${durationGte ?? 0}–${durationLte ?? '…'} months` : 'Any duration'}
            aria-label="Filter by duration"
            allowClear
            style={filterStyle}
          />
          <RangeFilter
            label="Fee in rupees"
            prefix="₹"
            from={feeFrom}
            to={feeTo}
            formatter={(value) => groupIndianDigits(value)}
            parser={(text) => Number(ungroupDigits(text))}
            onChange={(from, to) =>
              f.setMany([
                { field: 'totalPaise', operator: 'gte', value: from === undefined ? undefined : rupeesToPaise(Math.floor(from)) },
                { field: 'totalPaise', operator: 'lte', value: to === undefined ? undefined : rupeesToPaise(Math.floor(to)) },
              ])
            }
            style={{ flex: '2 1 260px', minWidth: 0 }}
          />
          {f.count > 0 && (
            <Button icon={<ClearOutlined />} onClick={() => setFilters([], 'replace')}>
              Clear filters
            </Button>
          )}
        </Flex>
      )}
      <Table<ProgramView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        pagination={pagination}
        size={phone ? 'small' : 'middle'}
        locale={{ emptyText: f.count ? 'No programs match these filters' : 'No programs yet' }}
        data-testid="programs-table"
      />
      <CompareBar />
    </List>
  );
}
