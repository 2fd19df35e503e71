import type { MouseEvent } from 'react';
import { useGo, useLink } from '@refinedev/core';
import { getDefaultSortOrder, List, useTable } from '@refinedev/antd';
import { ClearOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Result, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useLocation, useParams } from 'react-router';
import {
  DATA_REQUEST_KIND_LABELS,
  DATA_REQUEST_KINDS,
  DATA_REQUEST_STATUS_LABELS,
  DATA_REQUEST_STATUSES,
  formatIstDateTime,
  formatPhone,
  type DataRequestView,
} from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { LoadError } from './components/load-error';
import { FilterSelect, listFilters, listPagination, optionsOf } from '@advisordesk/admin-ui';
import { DATA_REQUESTS, useDataRequest } from './data-requests-api';
import { DATA_REQUESTS_PATH, dataRequestPath } from './paths';
import { verificationText } from './request-text';
import { RequestDetail } from './components/request-detail';
import { DueText, RequestStatusTag } from './components/request-status';

const STATUS_OPTIONS = optionsOf(DATA_REQUEST_STATUSES, DATA_REQUEST_STATUS_LABELS);
const KIND_OPTIONS = optionsOf(DATA_REQUEST_KINDS, DATA_REQUEST_KIND_LABELS);

/** The request a row opened, over the queue (`/data-requests/:id`): closing it goes back to the queue as it was. */
function RequestDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const phone = Grid.useBreakpoint().sm === false;
  const { result: request, query } = useDataRequest(id);
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      width={phone ? '100%' : 520}
      title={request ? `${request.reference} · ${DATA_REQUEST_KIND_LABELS[request.kind]}` : 'Request'}
      destroyOnHidden
      data-testid="data-request-drawer"
    >
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : query.isError ? (
        query.error?.statusCode === 404 ? (
          <Result status="404" title="Request not found" subTitle="It does not exist, or it was removed." />
        ) : (
          <LoadError what="the request" error={query.error} retry={query.refetch} />
        )
      ) : (
        request && <RequestDetail request={request} />
      )}
    </Drawer>
  );
}

/**
 * The rights requests people make on the privacy page (DPDP Act): reference, what they ask for,
 * where it stands, who it is, and when it is due, soonest first. Filters, sorting and paging live
 * in the address; a row opens the request over the queue.
 */
export default function DataRequestsPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const go = useGo();
  const Link = useLink();
  const location = useLocation();
  const { id } = useParams<{ id: string }>();

  const { tableProps, filters, setFilters, sorters } = useTable<DataRequestView, ApiRequestError>({
    resource: DATA_REQUESTS,
    syncWithLocation: true,
    pagination: { pageSize: 25 },
    sorters: { initial: [{ field: 'dueAt', order: 'asc' }] },
  });
  const f = listFilters(filters, setFilters);
  const filtered = f.active.length > 0;
  // The queue's address (filters, sort, page) goes with the opened request and comes back when it closes.
  const open = (requestId: string) => go({ to: `${dataRequestPath(requestId)}${location.search}` });
  const close = () => go({ to: `${DATA_REQUESTS_PATH}${location.search}` });

  const columns: TableColumnsType<DataRequestView> = [
    {
      title: 'Request',
      dataIndex: 'reference',
      key: 'reference',
      render: (_, request) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid="data-request-reference">
            {request.reference}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 13 }}>{DATA_REQUEST_KIND_LABELS[request.kind]}</Typography.Text>
          {phone && (
            <>
              <Space size={6} wrap>
                <RequestStatusTag status={request.status} />
                <DueText request={request} withDate={false} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatPhone(request.phone) || 'phone erased'}
                {request.leadName ? ` · ${request.leadName}` : ''} · {formatIstDateTime(request.createdAt)}
              </Typography.Text>
            </>
          )}
        </Space>
      ),
    },
    {
      title: 'Status',
      dataIndex: 'status',
      key: 'status',
      responsive: ['md'],
      render: (_, request) => <RequestStatusTag status={request.status} />,
    },
    {
      title: 'Who',
      key: 'who',
      responsive: ['md'],
      render: (_, request) => (
        <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatPhone(request.phone) || 'phone erased'}</span>
          {request.leadId ? (
            <Link to={`/leads/${request.leadId}`} onClick={(event: MouseEvent) => event.stopPropagation()}>
              {request.leadName ?? 'Lead'}
            </Link>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              not a lead
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: 'Received (IST)',
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('createdAt', sorters),
      responsive: ['lg'],
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatIstDateTime(value)}</span>,
    },
    {
      title: 'Due',
      dataIndex: 'dueAt',
      key: 'dueAt',
      sorter: true,
      defaultSortOrder: getDefaultSortOrder('dueAt', sorters),
      responsive: ['md'],
      render: (_, request) => <DueText request={request} />,
    },
    {
      title: 'Verification',
      key: 'verification',
      responsive: ['xl'],
      render: (_, request) => (
        <Typography.Text type={request.verifiedAt ? undefined : 'secondary'} style={{ fontSize: 13 }}>
          {verificationText(request)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <List
      title="Privacy requests"
      breadcrumb={false}
      headerProps={{
        subTitle: phone ? undefined : 'What people ask of their data on the privacy page: answer each before it is due.',
      }}
    >
      <Flex wrap gap={12} style={{ marginBottom: 16, maxWidth: 720 }}>
        <FilterSelect filters={f} field="status" options={STATUS_OPTIONS} placeholder="Any status" label="Filter by status" flex="1 1 180px" />
        <FilterSelect filters={f} field="kind" options={KIND_OPTIONS} placeholder="Any request" label="Filter by request" flex="1 1 220px" />
        {filtered && (
          <Button
            icon={<ClearOutlined />}
            onClick={() =>
              setFilters(
                f.active.map((filter) => ({ ...filter, value: undefined })),
                'merge',
              )
            }
          >
            Clear filters
          </Button>
        )}
      </Flex>
      <Table<DataRequestView>
        {...tableProps}
        rowKey="id"
        columns={columns}
        pagination={listPagination(tableProps.pagination, phone)}
        size={phone ? 'small' : 'middle'}
        onRow={(request) => ({
          onClick: () => open(request.id),
          style: { cursor: 'pointer' },
          'data-testid': `data-request-row-${request.reference}`,
        })}
        locale={{ emptyText: filtered ? 'No requests match these filters' : 'No requests yet: they arrive from the privacy page' }}
        data-testid="data-requests-table"
      />
      <RequestDrawer id={id} onClose={close} />
    </List>
  );
}
