import { useState } from 'react';
import { useSelect } from '@refinedev/antd';
import { BulbOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, List, Modal, Select, Space, Typography } from 'antd';
import {
  formatInr,
  LEAD_MODE_LABELS,
  PROGRAM_LEVEL_LABELS,
  SHORTLIST_NOTE_MAX_LENGTH,
  suggestionReason,
  type ProgramView,
  type SuggestedProgram,
} from '@advisordesk/shared';
import { formatDuration, labelOf } from '@advisordesk/admin-data';
import { useShortlistChange, useSuggestions } from './shortlist-api';

const programLine = (p: ProgramView) =>
  `${labelOf(PROGRAM_LEVEL_LABELS, p.level)} · ${labelOf(LEAD_MODE_LABELS, p.mode)} · ${formatDuration(p.durationMonths)}`;

/** "Add program": search the catalogue (every word, any order), or take one of the programs that best fit the lead, each saying why. */
export function ShortlistAddProgram({
  leadId,
  open,
  onClose,
  shortlistedIds,
}: {
  leadId: string;
  open: boolean;
  onClose: () => void;
  shortlistedIds: string[];
}) {
  const { message } = App.useApp();
  const [programId, setProgramId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const change = useShortlistChange(leadId);
  const {
    result: { data: suggested },
    query: suggestions,
  } = useSuggestions(leadId, open);
  const { selectProps, query } = useSelect<ProgramView>({
    resource: 'programs',
    optionLabel: (p) => `${p.name} — ${p.universityName}${p.currentFee ? ` · ${formatInr(p.currentFee.totalPaise)}` : ''}`,
    optionValue: 'id',
    filters: [{ field: 'active', operator: 'eq', value: 'true' }],
    pagination: { pageSize: 30, mode: 'server' },
    onSearch: (value) => [{ field: 'q', operator: 'eq', value: value.trim() || undefined }],
    debounce: 300,
    queryOptions: { enabled: open },
  });
  const options = (selectProps.options ?? []).map((option) => ({ ...option, disabled: shortlistedIds.includes(String(option.value)) }));

  const add = (id: string, withNote?: string) =>
    change.mutate(
      { kind: 'add', programId: id, note: withNote?.trim() || undefined },
      {
        onSuccess: (items) => {
          const added = items.find((i) => i.programId === id)?.program;
          message.success(added ? `${added.name} added to the shortlist` : 'Added to the shortlist');
          setProgramId(undefined);
          setNote('');
        },
        onError: (error) => message.error(error.message),
      },
    );

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title="Add a program to the shortlist"
      footer={
        <Button type="primary" onClick={onClose}>
          Done
        </Button>
      }
      destroyOnHidden
      width={640}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Select
          options={options}
          onSearch={selectProps.onSearch}
          filterOption={false}
          loading={query.isFetching}
          showSearch
          value={programId}
          onChange={(value: string) => setProgramId(value)}
          placeholder="Search programs and universities, e.g. NMIMS MBA"
          aria-label="Search programs to add"
          style={{ width: '100%' }}
          notFoundContent={query.isFetching ? 'Searching…' : 'No program matches'}
        />
        <Input.TextArea
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder="Note for this program (optional), e.g. fits the weekend schedule"
          maxLength={SHORTLIST_NOTE_MAX_LENGTH}
          autoSize={{ minRows: 1, maxRows: 4 }}
          aria-label="Note"
        />
        <Flex justify="end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!programId}
            loading={change.isPending && change.variables?.kind === 'add' && change.variables.programId === programId}
            onClick={() => programId && add(programId, note)}
          >
            Add to shortlist
          </Button>
        </Flex>
        <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
          <BulbOutlined /> Suggested for this lead
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          Best fits first: the lead’s course interest in the program’s name, then level, mode and a fee within the budget.
        </Typography.Text>
        <List<SuggestedProgram>
          loading={suggestions.isLoading}
          dataSource={suggested}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No suggestions: search the catalogue above" /> }}
          data-testid="shortlist-suggestions"
          renderItem={(p) => (
            <List.Item
              actions={[
                <Button
                  key="add"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add(p.id)}
                  loading={change.isPending && change.variables?.kind === 'add' && change.variables.programId === p.id}
                  aria-label={`Add ${p.name}, ${p.universityName}`}
                >
                  Add
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {p.name} <Typography.Text type="secondary">· {p.universityName}</Typography.Text>
                  </span>
                }
                description={
                  <Space direction="vertical" size={2}>
                    <span>
                      {programLine(p)} ·{' '}
                      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                        {p.currentFee ? formatInr(p.currentFee.totalPaise) : 'Fee on request'}
                      </Typography.Text>
                    </span>
                    {suggestionReason(p) && (
                      <Typography.Text
                        type={p.fit.withinBudget === false ? 'warning' : 'success'}
                        style={{ fontSize: 12 }}
                        data-testid="suggestion-reason"
                      >
                        <BulbOutlined /> {suggestionReason(p)}
                      </Typography.Text>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Space>
    </Modal>
  );
}
