import { useMemo, useState, type MouseEvent } from 'react';
import { useGo, useLink } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { ClearOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Grid, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES, applicationExportFileName, istDate, type ApplicationView } from '@advisordesk/shared';
import { listQuery, useAccess, useAdvisors, type ApiRequestError } from '@advisordesk/admin-data';
import { FilterSelect, listFilters, listPagination, ListToolbar, optionsOf, UniversityFilter } from '@advisordesk/admin-ui';
import { deadlineWeek, filtersFromPlainParams, paidText, refineListSearch, sortersFromPlainParams } from './application-text';
import { useAuthorisedDownload } from './applications-api';
import { ApplicationStatusTag } from './components/application-status';
import { DeadlineText } from './components/application-card';

const STATUS_OPTIONS = optionsOf(APPLICATION_STATUSES, APPLICATION_STATUS_LABELS);
type Quick = 'all' | 'deadlineWeek' | 'documentsMissing' | 'documentsToReview';
const QUICK_LABELS: Record<Quick, string> = {
  all: 'All',
  deadlineWeek: 'Deadline this week',
  documentsMissing: 'Documents missing',
  documentsToReview: 'To review',
};

/**
 * The applications list: advisors see the applications of their leads (the API decides),
 * managers everyone's. Server-paged and sortable, every filter in the address; on a phone the
 * rows become compact cards.
 */
function ApplicationList() {
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const go = useGo();
  const Link = useLink();
  const { canRead, canWrite } = useAccess();
  const managing = canWrite('leadAssignment');
  const { message } = App.useApp();
  const download = useAuthorisedDownload();
  const [exporting, setExporting] = useState(false);
  const today = istDate();
  const week = deadlineWeek(today);

  const { tableProps, filters, setFilters, sorters, setSorters, tableQuery } = useTable<ApplicationView, ApiRequestError>({
    resource: 'applications',
    syncWithLocation: true,
    pagination: { pageSize: 25 },
    // Newest first (sorted by deadline, the list would open on those that have none); "Deadline this week" sorts by deadline.
    sorters: { initial: [{ field: 'createdAt', order: 'desc' }] },
  });
  const f = listFilters(filters, setFilters);

  const { data: advisors } = useAdvisors(managing);

  const quick: Quick | null =
    f.text('deadline', 'gte') === week.from && f.text('deadline', 'lte') === week.to
      ? 'deadlineWeek'
      : f.text('documentsMissing') === 'true'
        ? 'documentsMissing'
        : f.text('documentsToReview') === 'true'
          ? 'documentsToReview'
          : null;
  const setQuick = (next: Quick) => {
    if (next === 'deadlineWeek') setSorters([{ field: 'deadline', order: 'asc' }]);
    f.setMany([
      { field: 'deadline', operator: 'gte', value: next === 'deadlineWeek' ? week.from : undefined },
      { field: 'deadline', operator: 'lte', value: next === 'deadlineWeek' ? week.to : undefined },
      { field: 'documentsMissing', value: next === 'documentsMissing' ? 'true' : undefined },
      { field: 'documentsToReview', value: next === 'documentsToReview' ? 'true' : undefined },
    ]);
  };
  const clear = () =>
    setFilters(
      f.active.map((filter) => ({ ...filter, value: undefined })),
      'merge',
    );

  const columns: TableColumnsType<ApplicationView> = [
    {
      title: 'Lead',
      dataIndex: 'leadName',
      key: 'leadName',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('leadName', sorters),
      render: (_, application) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Link to={`/leads/${application.leadId}`} style={{ fontWeight: 600 }} onClick={(event: MouseEvent) => event.stopPropagation()}>
            {application.leadName}
          </Link>
          {phone && (
            <>
              <Typography.Text style={{ fontSize: 13 }}>
                {application.programName}, {application.universityName} · {application.session}
              </Typography.Text>
              <Space size={6} wrap>
                <ApplicationStatusTag status={application.status} />
                <DeadlineText deadline={application.deadline} status={application.status} withDate={false} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {application.documentsMissing ? `${application.documentsMissing} documents missing · ` : ''}
                {application.documentsToReview ? `${application.documentsToReview} to review · ` : ''}
                {paidText(application.paidPaise, application.feeTotalPaise)}
              </Typography.Text>
            </>
          )}
          {!phone && managing && application.advisorName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              with {application.advisorName}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Program',
      dataIndex: 'universityName',
      key: 'universityName',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('universityName', sorters),
      responsive: ['sm'],
      render: (_, application) => (
        <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
          <Typography.Text>{application.programName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {application.universityName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Session', dataIndex: 'session', key: 'session', responsive: ['lg'] },
    {
      title: 'Status',
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('status', sorters),
      responsive: ['sm'],
      render: (_, application) => <ApplicationStatusTag status={application.status} />,
    },
    {
      title: 'Deadline',
      dataIndex: 'deadline',
      key: 'deadline',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('deadline', sorters),
      responsive: ['sm'],
      render: (_, application) => <DeadlineText deadline={application.deadline} status={application.status} />,
    },
    {
      title: 'Documents',
      key: 'documents',
      responsive: ['md'],
      render: (_, application) => (
        <Space direction="vertical" size={0}>
          {application.documentsMissing ? (
            <Typography.Text type="warning" style={{ whiteSpace: 'nowrap' }}>
              {application.documentsMissing} missing
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              none missing
            </Typography.Text>
          )}
          {application.documentsToReview > 0 && (
            <Tag color="blue" bordered={false}>
              {application.documentsToReview} to review
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: 'Paid',
      key: 'paid',
      responsive: ['lg'],
      render: (_, application) => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{paidText(application.paidPaise, application.feeTotalPaise)}</span>
      ),
    },
  ];

  const total = tableQuery.data?.total ?? 0;
  const filtered = f.active.length > 0;
  const exportCsv = async () => {
    setExporting(true);
    try {
      const query = listQuery(filters, sorters);
      await download(`exports/applications.csv${query ? `?${query}` : ''}`, applicationExportFileName(today));
    } catch (error) {
      message.error(`Could not export: ${(error as Error).message}`);
    } finally {
      setExporting(false);
    }
  };

  return (
    <List
      title="Applications"
      breadcrumb={false}
      headerButtons={
        // The CSV of what the list shows, for those who see every application (managers and admins).
        canRead('applicationExports') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv} data-testid="export-applications">
            Export CSV
          </Button>
        )
      }
    >
      <div style={{ overflowX: 'auto', maxWidth: '100%', marginBottom: 12 }}>
        <Segmented<Quick>
          value={quick ?? 'all'}
          onChange={(value) => setQuick(value)}
          options={(Object.keys(QUICK_LABELS) as Quick[]).map((value) => ({ value, label: QUICK_LABELS[value] }))}
          aria-label="Quick filters"
          size={phone ? 'small' : 'middle'}
        />
      </div>
      <ListToolbar filters={f} search={{ placeholder: 'Search lead name or application no.', label: 'Search applications', flex: '3 1 240px' }}>
        <FilterSelect
          filters={f}
          field="status"
          options={STATUS_OPTIONS}
          placeholder="Any status"
          label="Filter by status"
          multiple
          flex="2 1 200px"
        />
        <UniversityFilter filters={f} flex="2 1 200px" />
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
        {filtered && (
          <Button icon={<ClearOutlined />} onClick={clear}>
            Clear filters
          </Button>
        )}
      </ListToolbar>
      <Table<ApplicationView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        pagination={listPagination(tableProps.pagination, phone)}
        size={phone ? 'small' : 'middle'}
        onRow={(application) => ({ onClick: () => go({ to: `/leads/${application.leadId}` }), style: { cursor: 'pointer' } })}
        locale={{ emptyText: filtered ? 'No applications match these filters' : 'No applications yet: start one from a lead’s shortlist' }}
        data-testid="applications-table"
        data-total={total}
      />
    </List>
  );
}

/**
 * `/applications`: a plain link (`?universityId=…`, `?documentsToReview=true`, from the report and
 * the home page) is first rewritten into the address the list keeps, then the list opens.
 */
export default function ApplicationListPage() {
  const location = useLocation();
  const plain = useMemo(() => {
    const params = new URLSearchParams(location.search);
    const filters = filtersFromPlainParams(params);
    return filters && refineListSearch(filters, sortersFromPlainParams(params));
  }, [location.search]);
  if (plain) return <Navigate to={`${location.pathname}?${plain}`} replace />;
  return <ApplicationList />;
}
