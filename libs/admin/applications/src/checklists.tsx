import { useEffect, useState } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Popconfirm, Select, Skeleton, Space, Tag, Typography } from 'antd';
import {
  APPLICATION_LIMITS,
  CHECKLIST_MAX_ITEMS,
  DEFAULT_CHECKLIST,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  type ChecklistItem,
  type ChecklistView,
  type DocumentKind,
} from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';
import { optionsOf } from '@advisordesk/admin-ui';
import { checklistProblems, sameChecklist } from './application-text';
import { useDefaultChecklist, useProgramChecklist, useSaveChecklist } from './applications-api';

const KIND_OPTIONS = optionsOf(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS);

/** A checklist as a list of rows (kind, label, required), read-only unless `canEdit`. */
function ChecklistEditor({
  items,
  canEdit,
  saving,
  onSave,
  extraActions,
}: {
  items: ChecklistItem[];
  canEdit: boolean;
  saving: boolean;
  onSave: (items: ChecklistItem[]) => void;
  extraActions?: React.ReactNode;
}) {
  const [draft, setDraft] = useState<ChecklistItem[]>(items);
  useEffect(() => setDraft(items), [items]);
  const changed = !sameChecklist(draft, items);
  const problems = checklistProblems(draft);

  if (!canEdit) {
    return (
      <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="checklist-items">
        {items.map((item, index) => (
          <li key={index}>
            {item.label}
            {!item.required && <Typography.Text type="secondary"> (optional)</Typography.Text>}
          </li>
        ))}
      </ul>
    );
  }

  const change = (index: number, patch: Partial<ChecklistItem>) =>
    setDraft((current) => current.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: -1 | 1) =>
    setDraft((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved);
      return next;
    });

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="checklist-editor">
      {draft.map((item, index) => (
        <Flex
          key={index}
          gap={6}
          wrap
          align="center"
          data-testid="checklist-row"
          style={{ paddingBottom: 6, borderBottom: '1px solid rgba(5,5,5,0.06)' }}
        >
          <Select
            value={item.kind}
            onChange={(kind: DocumentKind) => change(index, { kind, label: item.label.trim() ? item.label : DOCUMENT_KIND_LABELS[kind] })}
            options={KIND_OPTIONS}
            aria-label={`Kind of item ${index + 1}`}
            style={{ flex: '1 1 180px', minWidth: 0 }}
          />
          <Input
            value={item.label}
            onChange={(event) => change(index, { label: event.target.value })}
            maxLength={APPLICATION_LIMITS.documentLabel}
            aria-label={`Label of item ${index + 1}`}
            style={{ flex: '2 1 200px', minWidth: 0 }}
          />
          <Checkbox checked={item.required} onChange={(event) => change(index, { required: event.target.checked })}>
            Required
          </Checkbox>
          <Space size={2}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={index === 0}
              onClick={() => move(index, -1)}
              aria-label={`Move item ${index + 1} up`}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={index === draft.length - 1}
              onClick={() => move(index, 1)}
              aria-label={`Move item ${index + 1} down`}
            />
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={() => setDraft((current) => current.filter((_, i) => i !== index))}
              aria-label={`Remove item ${index + 1}`}
            />
          </Space>
        </Flex>
      ))}
      <Flex gap={8} wrap justify="space-between" align="center">
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={draft.length >= CHECKLIST_MAX_ITEMS}
          onClick={() => setDraft((current) => [...current, { kind: 'other', label: '', required: true }])}
        >
          Add a document
        </Button>
        <Flex gap={8} wrap>
          {extraActions}
          {changed && (
            <Button size="small" onClick={() => setDraft(items)}>
              Discard changes
            </Button>
          )}
          <Button
            size="small"
            type="primary"
            disabled={!changed || problems.length > 0}
            loading={saving}
            onClick={() => onSave(draft.map((item) => ({ ...item, label: item.label.trim() })))}
          >
            Save checklist
          </Button>
        </Flex>
      </Flex>
      {changed && problems.length > 0 && <Alert type="warning" showIcon message={problems.join('; ')} />}
    </Space>
  );
}

function useSaved(programId: string | null) {
  const { message } = App.useApp();
  const save = useSaveChecklist(programId);
  const run = (items: ChecklistItem[] | null, done: string) =>
    save.mutate(items, { onSuccess: () => message.success(done), onError: (error: ApiRequestError) => message.error(error.message) });
  return { run, isPending: save.isPending };
}

/** A program's document checklist (a section of the program's page): its own, or the default; managers change it or go back to the default. */
export function ProgramChecklistSection({ programId }: { programId: string }) {
  const { canRead, canWrite } = useAccess();
  const { result, query } = useProgramChecklist(programId);
  const save = useSaved(programId);
  if (!canRead('catalogue')) return null;
  const canEdit = canWrite('catalogue') && canWrite('leadAssignment');
  const checklist = result as ChecklistView | undefined;
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>Documents to apply</span>}
      extra={
        checklist && (
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
            {checklist.custom ? 'Its own checklist' : 'The default checklist'}
          </Tag>
        )
      }
      data-testid="program-checklist"
    >
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError || !checklist ? (
        <Alert type="error" showIcon message="Could not load the checklist" description={query.error?.message} />
      ) : (
        <ChecklistEditor
          items={checklist.items}
          canEdit={canEdit}
          saving={save.isPending}
          onSave={(items) => save.run(items, 'The program’s checklist is saved: new applications to it get these documents')}
          extraActions={
            checklist.custom && (
              <Popconfirm
                title="Use the default checklist for this program again?"
                okText="Reset"
                onConfirm={() => save.run(null, 'The program uses the default checklist again')}
              >
                <Button size="small" icon={<UndoOutlined />}>
                  Reset to the default
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
    </Card>
  );
}

/** The default checklist (a section of Settings, for managers and admins): what every program without its own asks for. */
export function DefaultChecklistSection() {
  const { canWrite, isLoading } = useAccess();
  const allowed = canWrite('leadAssignment');
  const { result, query } = useDefaultChecklist(allowed);
  const save = useSaved(null);
  if (isLoading || !allowed) return null;
  const checklist = result as ChecklistView | undefined;
  return (
    <Card size="small" title="Default document checklist" id="document-checklist" data-testid="default-checklist">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        What a new application asks the student for, unless its program has its own checklist. Applications already started keep theirs.
      </Typography.Paragraph>
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : query.isError || !checklist ? (
        <Alert type="error" showIcon message="Could not load the checklist" description={query.error?.message} />
      ) : (
        <ChecklistEditor
          items={checklist.items}
          canEdit
          saving={save.isPending}
          onSave={(items) => save.run(items, 'The default checklist is saved')}
          extraActions={
            !sameChecklist(checklist.items, DEFAULT_CHECKLIST) && (
              <Popconfirm
                title="Go back to AdvisorDesk’s built-in checklist?"
                okText="Reset"
                onConfirm={() => save.run([...DEFAULT_CHECKLIST], 'The default checklist is the built-in one again')}
              >
                <Button size="small" icon={<UndoOutlined />}>
                  Reset to the built-in list
                </Button>
              </Popconfirm>
            )
          }
        />
      )}
    </Card>
  );
}
