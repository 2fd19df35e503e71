import { useState } from 'react';
import { useLink } from '@refinedev/core';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined, ShareAltOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Divider, Empty, Flex, Input, Popconfirm, Skeleton, Space, Tooltip, Typography } from 'antd';
import {
  COMPARISON_MAX_PROGRAMS,
  COMPARISON_MIN_PROGRAMS,
  formatInr,
  LEAD_MODE_LABELS,
  PROGRAM_LEVEL_LABELS,
  SHORTLIST_NOTE_MAX_LENGTH,
  type ComparisonShare,
  type ShortlistItemView,
} from '@advisordesk/shared';
import { formatDuration, labelOf } from '@advisordesk/admin-data';
import { ShortlistAddProgram } from './shortlist-add-program';
import { useCreateComparison, useShortlist, useShortlistChange } from './shortlist-api';
import { ShortlistComparisons } from './shortlist-comparisons';
import { ShareComparisonModal } from './shortlist-share-modal';

function NoteEditor({
  item,
  onSave,
  onCancel,
  saving,
}: {
  item: ShortlistItemView;
  onSave: (note: string | null) => void;
  onCancel: () => void;
  saving: boolean;
}) {
  const [draft, setDraft] = useState(item.note ?? '');
  return (
    <Space direction="vertical" size={6} style={{ width: '100%', marginTop: 6 }}>
      <Input.TextArea
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={SHORTLIST_NOTE_MAX_LENGTH}
        autoSize={{ minRows: 2, maxRows: 6 }}
        autoFocus
        aria-label={`Note for ${item.program.name}`}
        placeholder="Why this program fits the student"
      />
      <Flex gap={8} justify="end">
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="small" type="primary" loading={saving} onClick={() => onSave(draft.trim() ? draft.trim() : null)}>
          Save note
        </Button>
      </Flex>
    </Space>
  );
}

/**
 * A lead's shortlist: programs in the advisor's order, each with its university, current fee and
 * note; reorder, annotate, remove, add (search or suggestions); pick 2 to 5 and create a
 * comparison to send on WhatsApp; and the comparisons already shared.
 */
export function ShortlistPanel({ leadId }: { leadId: string }) {
  const { message } = App.useApp();
  const Link = useLink();
  const {
    result: { data: items },
    query: shortlist,
  } = useShortlist(leadId);
  const change = useShortlistChange(leadId);
  const createComparison = useCreateComparison(leadId);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [share, setShare] = useState<ComparisonShare | null>(null);

  // Items removed meanwhile drop out of the selection.
  const picked = selected.filter((id) => items.some((i) => i.id === id));
  const pickedPrograms = items.filter((i) => picked.includes(i.id)).map((i) => i.programId);
  const canCompare = picked.length >= COMPARISON_MIN_PROGRAMS && picked.length <= COMPARISON_MAX_PROGRAMS;
  const busy = (kind: string, itemId?: string) =>
    change.isPending && change.variables?.kind === kind && (!itemId || ('itemId' in change.variables && change.variables.itemId === itemId));
  const fail = (error: { message: string }) => message.error(error.message);

  const move = (index: number, by: -1 | 1) => {
    const order = items.map((i) => i.id);
    const [moved] = order.splice(index, 1);
    order.splice(index + by, 0, moved);
    change.mutate({ kind: 'order', itemIds: order }, { onError: fail });
  };

  const toggle = (itemId: string, on: boolean) =>
    setSelected((current) => (on ? [...current.filter((id) => id !== itemId), itemId] : current.filter((id) => id !== itemId)));

  const compare = () =>
    createComparison.mutate(pickedPrograms, {
      onSuccess: (created) => setShare(created),
      onError: fail,
    });

  return (
    <Card
      title="Shortlist"
      size="small"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          Add program
        </Button>
      }
      data-testid="shortlist-panel"
    >
      {shortlist.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : shortlist.isError ? (
        <Alert type="error" showIcon message="Could not load the shortlist" description={shortlist.error?.message} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No programs shortlisted yet">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Add program
          </Button>
        </Empty>
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="shortlist-items">
          {items.map((item, index) => {
            const p = item.program;
            const checked = picked.includes(item.id);
            return (
              <li
                key={item.id}
                style={{ padding: '10px 0', borderBottom: index < items.length - 1 ? '1px solid rgba(5,5,5,0.06)' : undefined }}
                data-testid="shortlist-item"
              >
                <Flex gap={10} align="start">
                  <Tooltip
                    title={
                      !checked && picked.length >= COMPARISON_MAX_PROGRAMS
                        ? `${COMPARISON_MAX_PROGRAMS} programs at most in one comparison`
                        : undefined
                    }
                  >
                    <Checkbox
                      checked={checked}
                      disabled={!checked && picked.length >= COMPARISON_MAX_PROGRAMS}
                      onChange={(event) => toggle(item.id, event.target.checked)}
                      aria-label={`Include ${p.name} in a comparison`}
                      style={{ marginTop: 2 }}
                    />
                  </Tooltip>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Flex justify="space-between" gap={8} align="baseline">
                      <Typography.Text strong style={{ minWidth: 0 }}>
                        {index + 1}. <Link to={`/programs/show/${p.id}`}>{p.name}</Link>
                      </Typography.Text>
                      <Typography.Text strong style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {p.currentFee ? formatInr(p.currentFee.totalPaise) : <Typography.Text type="secondary">Fee on request</Typography.Text>}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
                      {[
                        p.universityName,
                        labelOf(PROGRAM_LEVEL_LABELS, p.level),
                        p.mode && labelOf(LEAD_MODE_LABELS, p.mode),
                        p.durationMonths && formatDuration(p.durationMonths),
                        p.currentFee && `fee ${p.currentFee.session}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                    {editingId === item.id ? (
                      <NoteEditor
                        item={item}
                        saving={busy('note', item.id)}
                        onCancel={() => setEditingId(null)}
                        onSave={(note) =>
                          change.mutate({ kind: 'note', itemId: item.id, note }, { onSuccess: () => setEditingId(null), onError: fail })
                        }
                      />
                    ) : (
                      item.note && (
                        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} data-testid="shortlist-note">
                          {item.note}
                        </Typography.Paragraph>
                      )
                    )}
                    <Flex gap={4} wrap style={{ marginTop: 6 }}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        disabled={index === 0 || change.isPending}
                        onClick={() => move(index, -1)}
                        aria-label={`Move ${p.name} up`}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={index === items.length - 1 || change.isPending}
                        onClick={() => move(index, 1)}
                        aria-label={`Move ${p.name} down`}
                      />
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditingId(item.id)} aria-label={`Edit the note of ${p.name}`}>
                        Note
                      </Button>
                      <Popconfirm
                        title={`Remove ${p.name}?`}
                        okText="Remove"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => change.mutate({ kind: 'remove', itemId: item.id }, { onError: fail })}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} loading={busy('remove', item.id)} aria-label={`Remove ${p.name}`} />
                      </Popconfirm>
                    </Flex>
                  </div>
                </Flex>
              </li>
            );
          })}
        </ol>
      )}

      {items.length > 0 && (
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">
            {picked.length ? `${picked.length} selected` : `Select ${COMPARISON_MIN_PROGRAMS} to ${COMPARISON_MAX_PROGRAMS} programs to compare`}
          </Typography.Text>
          <Button type="primary" icon={<ShareAltOutlined />} disabled={!canCompare} loading={createComparison.isPending} onClick={compare}>
            Create comparison
          </Button>
        </Flex>
      )}

      <Divider orientation="left" plain style={{ margin: '16px 0 4px' }}>
        Shared comparisons
      </Divider>
      <ShortlistComparisons leadId={leadId} />

      <ShortlistAddProgram leadId={leadId} open={adding} onClose={() => setAdding(false)} shortlistedIds={items.map((i) => i.programId)} />
      <ShareComparisonModal share={share} leadId={leadId} onClose={() => setShare(null)} />
    </Card>
  );
}
