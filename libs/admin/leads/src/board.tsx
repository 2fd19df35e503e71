import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useGo, type CrudFilter } from '@refinedev/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { CloseCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { App, Button, Flex, Grid, Input, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { LEAD_STATUS_LABELS, LEAD_STATUSES, type LeadStatus, type LeadView } from '@advisordesk/shared';
import { useAccess } from '@advisordesk/admin-data';
import { dropVerdict } from './board-rules';
import { BoardCardBody } from './components/board-card';
import { BoardColumn, type ColumnDropState } from './components/board-column';
import { StatusChangeModal, type StatusChangeValues } from './components/status-change-modal';
import { useAdvisors } from '@advisordesk/admin-data';
import { useChangeStatus } from './use-lead-actions';

const LOST_ZONE = 'lost-zone';

/**
 * Pointer first (the column under the finger or cursor), then overlap, so narrow gaps still count.
 * The "Lost" zone floats over the columns, so under the pointer it wins.
 */
const collisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const lost = hits.find((hit) => hit.id === LOST_ZONE);
  if (lost) return [lost];
  return hits.length ? hits : rectIntersection(args);
};
/** Columns scroll under the dragged card and the Lost zone appears once dragging starts: measure as it moves. */
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

/** While dragging, a "Lost" target stays in view at the bottom, wherever the Lost column is scrolled. */
function LostDropZone({ active, refused }: { active: boolean; refused: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: LOST_ZONE, data: { status: 'lost' } });
  if (!active) return null;
  return (
    <div
      ref={setNodeRef}
      data-testid="lost-drop-zone"
      style={{
        position: 'fixed',
        left: '50%',
        bottom: 16,
        transform: 'translateX(-50%)',
        zIndex: 30,
        width: 'min(420px, calc(100vw - 32px))',
        padding: '14px 16px',
        borderRadius: 10,
        border: `2px dashed ${refused ? '#bfbfbf' : '#cf1322'}`,
        background: refused ? '#fafafa' : isOver ? '#fff1f0' : 'rgba(255,255,255,0.96)',
        color: refused ? '#8c8c8c' : '#cf1322',
        textAlign: 'center',
        fontWeight: 600,
        boxShadow: '0 6px 20px rgba(0,0,0,0.12)',
      }}
    >
      <CloseCircleOutlined /> {refused ? 'Cannot be marked lost' : 'Drop here to mark as lost'}
    </div>
  );
}

/**
 * The pipeline as a kanban board: a column per status. Drag a card to move the lead (on a phone:
 * long-press, or the card's "Move" menu); moves the role may not make are refused before any
 * request; lost asks for a reason; a stale card (409) is reloaded and the user told.
 */
export default function LeadBoardPage() {
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const go = useGo();
  const { message } = App.useApp();
  const { user: me, role, canWrite } = useAccess();
  const managing = canWrite('leadAssignment');
  const { data: advisors } = useAdvisors(managing);

  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const advisorId = params.get('advisorId') ?? undefined;
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const filters = useMemo<CrudFilter[]>(() => {
    const list: CrudFilter[] = [];
    if (q) list.push({ field: 'q', operator: 'eq', value: q });
    if (advisorId) list.push({ field: 'advisorId', operator: 'eq', value: advisorId });
    return list;
  }, [q, advisorId]);

  const [totals, setTotals] = useState<Partial<Record<LeadStatus, number>>>({});
  const onTotal = useCallback(
    (status: LeadStatus, total: number | undefined) =>
      setTotals((current) => (current[status] === total ? current : { ...current, [status]: total })),
    [],
  );

  // Moves being saved: the card shows in its new column (dimmed) until the lists reload.
  const [pending, setPending] = useState<Record<string, { lead: LeadView; to: LeadStatus }>>({});
  const [dragged, setDragged] = useState<LeadView | null>(null);
  // The move being confirmed: every move (dragged or from a card's menu) opens the status-change dialog first.
  const [asking, setAsking] = useState<{ lead: LeadView; to: LeadStatus } | null>(null);
  const change = useChangeStatus();

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 300, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  const move = (lead: LeadView, to: LeadStatus, extra: StatusChangeValues = {}) => {
    setPending((current) => ({ ...current, [lead.id]: { lead, to } }));
    // Each move settles on its own promise (several can be in flight); the hook reports success and failure.
    change
      .mutateAsync({
        lead,
        change: { status: to, ...(extra.lostReason ? { lostReason: extra.lostReason } : {}), ...(extra.note ? { note: extra.note } : {}) },
      })
      .catch(() => undefined)
      .finally(() =>
        setPending((current) => {
          const { [lead.id]: _done, ...rest } = current;
          return rest;
        }),
      );
  };

  /**
   * A drop or a "Move to" choice: refused with the reason, or confirmed in the same dialog as the
   * lead page's (a note; a reason when lost). Until it is confirmed the card stays where it was.
   */
  const request = (lead: LeadView, to: LeadStatus) => {
    if (!role || pending[lead.id]) return;
    const verdict = dropVerdict(lead.status, to, role);
    if (verdict.kind === 'same') return;
    if (verdict.kind === 'refused') {
      message.warning(verdict.message);
      return;
    }
    setAsking({ lead, to });
  };

  const onDragStart = (event: DragStartEvent) => setDragged((event.active.data.current?.lead as LeadView | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(null);
    const lead = event.active.data.current?.lead as LeadView | undefined;
    const to = event.over?.data.current?.status as LeadStatus | undefined;
    if (lead && to) request(lead, to);
  };

  const boardRef = useRef<HTMLDivElement>(null);
  const switcherRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState<LeadStatus>('new');
  const showColumn = (status: LeadStatus) => {
    const column = boardRef.current?.querySelector<HTMLElement>(`[data-testid="board-column-${status}"]`);
    column?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' });
  };
  /** On a phone one column shows at a time: the switcher follows the swipe. */
  const onBoardScroll = () => {
    const board = boardRef.current;
    const first = board?.firstElementChild as HTMLElement | null;
    if (!board || !first) return;
    const step = first.getBoundingClientRect().width + 12;
    const status = LEAD_STATUSES[Math.min(LEAD_STATUSES.length - 1, Math.max(0, Math.round(board.scrollLeft / step)))];
    if (status !== visible) setVisible(status);
  };
  /** Columns cut off on the right of a laptop's board (a narrow window): the "n more →" cue. */
  const [hidden, setHidden] = useState<LeadStatus[]>([]);
  const measureHidden = useCallback(() => {
    const board = boardRef.current;
    if (!board) return;
    const edge = board.getBoundingClientRect().right + 1;
    const cut = LEAD_STATUSES.filter((status) => {
      const column = board.querySelector<HTMLElement>(`[data-testid="board-column-${status}"]`);
      return column ? column.getBoundingClientRect().right > edge : false;
    });
    setHidden((current) => (current.join() === cut.join() ? current : cut));
  }, []);
  useEffect(() => {
    const board = boardRef.current;
    if (phone || !board || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measureHidden);
    observer.observe(board);
    measureHidden();
    return () => observer.disconnect();
  }, [phone, measureHidden, role]);
  useEffect(() => {
    switcherRef.current?.querySelector<HTMLElement>(`[data-status="${visible}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [visible]);

  if (!role || !me) return <Skeleton active paragraph={{ rows: 8 }} />;

  const dropStateOf = (status: LeadStatus): ColumnDropState => {
    if (!dragged) return undefined;
    const verdict = dropVerdict(dragged.status, status, role);
    return verdict.kind === 'same' ? 'home' : verdict.kind === 'refused' ? 'refused' : 'allowed';
  };
  const pendingList = Object.values(pending);
  const busy = new Set(Object.keys(pending));
  // A laptop shows the whole pipeline: compact columns sharing the width (the cue below says when some do not fit).
  const columnWidth = phone ? 'calc(100vw - 56px)' : 'fill';

  return (
    // `contain: inline-size`: the columns scroll inside the board instead of widening the page.
    <Flex
      vertical
      gap={12}
      style={{ height: phone ? undefined : 'calc(100vh - 56px - 48px)', minHeight: 420, contain: 'inline-size', minWidth: 0 }}
      data-testid="lead-board"
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Pipeline board
        </Typography.Title>
        <Button icon={<UnorderedListOutlined />} onClick={() => go({ to: '/leads' })}>
          {phone ? 'List' : 'Lead list'}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Input.Search
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => setParam('q', value.trim() || undefined)}
          placeholder="Search name, phone or email"
          aria-label="Search the board"
          allowClear
          enterButton
          style={{ flex: '2 1 240px', minWidth: 0, maxWidth: 420 }}
        />
        {managing && (
          <Select
            value={advisorId}
            onChange={(value?: string) => setParam('advisorId', value)}
            options={[{ value: me.id, label: 'My leads' }, ...(advisors ?? []).map((a) => ({ value: a.id, label: a.name }))]}
            placeholder="Every advisor"
            aria-label="Filter by advisor"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ flex: '1 1 180px', minWidth: 0, maxWidth: 260 }}
          />
        )}
      </Flex>
      {phone && (
        <div
          ref={switcherRef}
          style={{ display: 'flex', gap: 6, overflowX: 'auto', paddingBottom: 2 }}
          role="toolbar"
          aria-label="Jump to a status"
          data-testid="status-switcher"
        >
          {LEAD_STATUSES.map((status) => (
            <Button
              key={status}
              size="small"
              type={visible === status ? 'primary' : 'default'}
              aria-pressed={visible === status}
              data-status={status}
              onClick={() => showColumn(status)}
              style={{ flex: 'none' }}
            >
              {LEAD_STATUS_LABELS[status]} {totals[status] !== undefined ? `· ${totals[status]}` : ''}
            </Button>
          ))}
        </div>
      )}
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {phone
            ? 'Swipe between statuses. Press and hold a card to drag it, or use its ⋮ menu to move it.'
            : 'Drag a card to another column to move the lead (you confirm it with a note), or use its ⋮ menu.'}
        </Typography.Text>
        {!phone && hidden.length > 0 && (
          <Button size="small" onClick={() => showColumn(hidden[0])} data-testid="board-more-columns" style={{ flex: 'none' }}>
            {hidden.length} more →
          </Button>
        )}
      </Flex>
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        measuring={MEASURING}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        <div
          ref={boardRef}
          style={{
            // positioned, so nothing inside (screen-reader text included) escapes the scrolling
            position: 'relative',
            flex: 1,
            minHeight: 0,
            display: 'flex',
            gap: phone ? 12 : 8,
            overflowX: 'auto',
            overflowY: 'hidden',
            paddingBottom: 8,
            scrollSnapType: phone ? 'x mandatory' : undefined,
            height: phone ? 'calc(100vh - 250px)' : undefined,
            minWidth: 0,
          }}
          data-testid="board-scroller"
          onScroll={phone ? onBoardScroll : measureHidden}
        >
          {LEAD_STATUSES.map((status) => (
            <BoardColumn
              key={status}
              status={status}
              filters={filters}
              role={role}
              showAdvisor={managing}
              incoming={pendingList.filter((p) => p.to === status).map((p) => ({ ...p.lead, status }))}
              leaving={new Set(pendingList.filter((p) => p.lead.status === status).map((p) => p.lead.id))}
              busy={busy}
              dropState={dropStateOf(status)}
              width={columnWidth}
              onTotal={onTotal}
              onMove={request}
            />
          ))}
        </div>
        <LostDropZone
          active={dragged !== null && dragged.status !== 'lost'}
          refused={dragged !== null && dropVerdict(dragged.status, 'lost', role).kind === 'refused'}
        />
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <BoardCardBody lead={dragged} userRole={role} showAdvisor={managing} overlay style={{ width: phone ? 'calc(100vw - 72px)' : 248 }} />
          ) : null}
        </DragOverlay>
      </DndContext>
      <StatusChangeModal
        open={asking !== null}
        leadName={asking?.lead.fullName ?? ''}
        from={asking?.lead.status}
        to={asking?.to}
        onCancel={() => setAsking(null)}
        onConfirm={(values) => {
          if (!asking) return;
          move(asking.lead, asking.to, values);
          setAsking(null);
        }}
      />
    </Flex>
  );
}
