import { useEffect, useState } from 'react';
import { useList, type CrudFilter } from '@refinedev/core';
import { useDroppable } from '@dnd-kit/core';
import { Button, Empty, Skeleton, Typography } from 'antd';
import { LEAD_STATUS_LABELS, type LeadStatus, type LeadView, type Role } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { BoardCard } from './board-card';
import { statusColour } from './status-tag';

const PAGE = 20;

export type ColumnDropState = 'allowed' | 'refused' | 'home' | undefined;

export interface BoardColumnProps {
  status: LeadStatus;
  filters: CrudFilter[];
  role: Role;
  showAdvisor: boolean;
  /** Cards moving into this column while their move is saved, shown at the top. */
  incoming: LeadView[];
  /** Ids of cards moving out of this column while their move is saved. */
  leaving: Set<string>;
  busy: Set<string>;
  dropState: ColumnDropState;
  /** A fixed width, or `fill`: share the board's width with the other columns (compact, on a laptop). */
  width: number | string | 'fill';
  onTotal: (status: LeadStatus, total: number | undefined) => void;
  onMove: (lead: LeadView, to: LeadStatus) => void;
}

/** One status of the board: its leads (most recently changed first, 20 at a time) and its count. */
export function BoardColumn({ status, filters, role, showAdvisor, incoming, leaving, busy, dropState, width, onTotal, onMove }: BoardColumnProps) {
  const [limit, setLimit] = useState(PAGE);
  const { setNodeRef, isOver } = useDroppable({ id: status, data: { status } });
  const {
    result: { data = [], total },
    query: { isLoading, isError, error, refetch, isFetching },
  } = useList<LeadView, ApiRequestError>({
    resource: 'leads',
    filters: [...filters, { field: 'status', operator: 'eq', value: status }],
    sorters: [{ field: 'updatedAt', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: limit },
    errorNotification: false,
  });
  useEffect(() => onTotal(status, total), [status, total, onTotal]);

  const cards = [...incoming.filter((lead) => !data.some((d) => d.id === lead.id)), ...data.filter((lead) => !leaving.has(lead.id))];
  const count = total === undefined ? undefined : total + incoming.length - data.filter((lead) => leaving.has(lead.id)).length;
  const colour = statusColour(status);
  const highlight = dropState === 'allowed' && isOver ? '#e6f4ff' : dropState === 'refused' ? '#fafafa' : '#f0f3f7';

  return (
    <section
      ref={setNodeRef}
      aria-label={`${LEAD_STATUS_LABELS[status]} column`}
      data-testid={`board-column-${status}`}
      data-count={count ?? ''}
      style={{
        ...(width === 'fill' ? { flex: '1 1 0', minWidth: 120 } : { flex: `0 0 ${typeof width === 'number' ? `${width}px` : width}`, width }),
        display: 'flex',
        flexDirection: 'column',
        background: highlight,
        borderRadius: 10,
        border: dropState === 'allowed' ? `2px dashed ${isOver ? colour : '#b9c6d6'}` : '2px solid transparent',
        opacity: dropState === 'refused' ? 0.45 : 1,
        scrollSnapAlign: 'start',
        maxHeight: '100%',
        minHeight: 160,
        transition: 'background 120ms, opacity 120ms',
      }}
    >
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: width === 'fill' ? '8px 8px 6px' : '10px 12px 8px',
          borderTop: `3px solid ${colour}`,
          borderRadius: '10px 10px 0 0',
        }}
      >
        <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} title={LEAD_STATUS_LABELS[status]}>
          {LEAD_STATUS_LABELS[status]}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }} data-testid={`board-count-${status}`}>
          {count === undefined ? '…' : count.toLocaleString('en-IN')}
        </Typography.Text>
      </header>
      <div
        style={{
          flex: 1,
          overflowY: 'auto',
          padding: width === 'fill' ? '0 6px 6px' : '0 8px 8px',
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
          minHeight: 60,
        }}
      >
        {isLoading ? (
          <Skeleton active title={false} paragraph={{ rows: 3 }} />
        ) : isError ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {error?.message ?? 'Could not load'}{' '}
            <Button size="small" type="link" onClick={() => refetch()}>
              Retry
            </Button>
          </Typography.Text>
        ) : cards.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No leads" style={{ margin: '12px 0' }} />
        ) : (
          cards.map((lead) => (
            <BoardCard key={lead.id} lead={lead} userRole={role} showAdvisor={showAdvisor} busy={busy.has(lead.id)} onMove={onMove} />
          ))
        )}
        {total !== undefined && total > data.length && (
          <Button size="small" type="dashed" loading={isFetching} onClick={() => setLimit((n) => n + PAGE)}>
            Show more ({(total - data.length).toLocaleString('en-IN')})
          </Button>
        )}
      </div>
    </section>
  );
}
