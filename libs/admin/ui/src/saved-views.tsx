import { useState } from 'react';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Popconfirm, Tag, Typography } from 'antd';
import { SAVED_VIEW_NAME_MAX_LENGTH, type SavedView } from '@advisordesk/shared';

/**
 * "Save view" (or "Save segment"): a name and, for those who may, "Share with everyone". `onSave`
 * saves the list's current query; its error (a taken name) shows under the name.
 */
export function SaveViewButton({
  label = 'Save view',
  mayShare,
  onSave,
}: {
  label?: string;
  mayShare: boolean;
  onSave: (name: string, shared: boolean) => Promise<unknown>;
}) {
  const { notification } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string; shared?: boolean }>();

  const save = async ({ name, shared = false }: { name: string; shared?: boolean }) => {
    setSaving(true);
    try {
      await onSave(name, shared);
      notification.success({
        message: `“${name.trim()}” saved`,
        description: shared ? 'Everyone sees it in the menu.' : 'It is in your list of saved views.',
      });
      setOpen(false);
      form.resetFields();
    } catch (error) {
      form.setFields([{ name: 'name', errors: [(error as Error).message || 'Could not save it: try again.'] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button icon={<SaveOutlined />} onClick={() => setOpen(true)} data-testid="save-view">
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        okText="Save"
        onOk={() => form.submit()}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: 'Give it a name' }]}>
            <Input maxLength={SAVED_VIEW_NAME_MAX_LENGTH} autoFocus placeholder="e.g. New MBA leads this week" aria-label="View name" />
          </Form.Item>
          {mayShare && (
            <Form.Item name="shared" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>Share with everyone</Checkbox>
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** A saved view's name (with who shared it), opening it on click, and Delete when the user may. */
export function SavedViewTag({
  view,
  mayDelete,
  onOpen,
  onDelete,
}: {
  view: SavedView;
  mayDelete: boolean;
  onOpen: () => void;
  onDelete: () => void;
}) {
  return (
    <Tag style={{ marginInlineEnd: 0, cursor: 'pointer', paddingBlock: 2 }} data-testid="saved-view" onClick={onOpen}>
      {view.name}
      {view.shared && !view.mine ? ` · ${view.ownerName}` : view.shared ? ' · shared' : ''}
      {mayDelete && (
        <Popconfirm
          title={`Delete “${view.name}”?`}
          description={view.shared ? 'It goes for everyone.' : undefined}
          okText="Delete"
          okButtonProps={{ danger: true }}
          onConfirm={(event) => {
            event?.stopPropagation();
            onDelete();
          }}
          onCancel={(event) => event?.stopPropagation()}
        >
          <Button
            type="text"
            size="small"
            icon={<DeleteOutlined />}
            aria-label={`Delete ${view.name}`}
            onClick={(event) => event.stopPropagation()}
            style={{ marginInlineStart: 4, height: 18, width: 18, minWidth: 18 }}
          />
        </Popconfirm>
      )}
    </Tag>
  );
}

/** A list's saved views as tags ("Saved views: …"), each opening on click; nothing when there are none. */
export function SavedViewTags({
  label,
  views,
  mayDelete,
  onOpen,
  onDelete,
  testId,
}: {
  label: string;
  views: SavedView[];
  mayDelete: (view: SavedView) => boolean;
  onOpen: (view: SavedView) => void;
  onDelete: (view: SavedView) => void;
  testId: string;
}) {
  if (!views.length) return null;
  return (
    <Flex gap={6} wrap align="center" data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      {views.map((view) => (
        <SavedViewTag key={view.id} view={view} mayDelete={mayDelete(view)} onOpen={() => onOpen(view)} onDelete={() => onDelete(view)} />
      ))}
    </Flex>
  );
}
