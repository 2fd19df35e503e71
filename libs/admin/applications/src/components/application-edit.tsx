import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { APPLICATION_LIMITS, type ApplicationView } from '@advisordesk/shared';
import { PICKER_DAY_FORMAT } from '@advisordesk/admin-ui';
import { useUpdateApplication } from '../applications-api';

interface EditForm {
  session: string;
  deadline: Dayjs | null;
  universityApplicationNo: string;
  note: string;
}

/**
 * The session, deadline, the university's application number and a note, sent with the version
 * read: if someone changed the application meanwhile, the 409 says who, and the latest is loaded.
 */
export function ApplicationEditDialog({ application, open, onClose }: { application: ApplicationView; open: boolean; onClose: () => void }) {
  const { message, notification } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateApplication(application);

  const save = async () => {
    const values = await form.validateFields();
    const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
    update.mutate(
      {
        session: values.session.trim(),
        deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
        universityApplicationNo: text(values.universityApplicationNo),
        note: text(values.note),
        version: application.version,
      },
      {
        onSuccess: () => (message.success('Application saved'), onClose()),
        onError: (error) => {
          if (error.statusCode === 409) {
            notification.warning({
              message: 'Someone else changed this application',
              description: `${error.message}. The latest is loaded: make your change again.`,
            });
            onClose();
            return;
          }
          if (error.errors)
            form.setFields(Object.entries(error.errors).map(([name, errors]) => ({ name: name as keyof EditForm, errors: errors as string[] })));
          message.error(error.message);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={`${application.programName}, ${application.universityName}`}
      okText="Save"
      onOk={save}
      okButtonProps={{ loading: update.isPending }}
      onCancel={onClose}
      destroyOnClose
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        name={`application-${application.id}`}
        initialValues={{
          session: application.session,
          deadline: application.deadline ? dayjs(application.deadline) : null,
          universityApplicationNo: application.universityApplicationNo ?? '',
          note: application.note ?? '',
        }}
      >
        <Form.Item name="session" label="Session" rules={[{ required: true, whitespace: true, message: 'The academic session, e.g. 2026-27' }]}>
          <Input placeholder="2026-27" />
        </Form.Item>
        <Form.Item name="deadline" label="Deadline">
          <DatePicker format={PICKER_DAY_FORMAT} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="universityApplicationNo" label="University application no.">
          <Input maxLength={APPLICATION_LIMITS.universityApplicationNo} />
        </Form.Item>
        <Form.Item name="note" label="Note">
          <Input.TextArea maxLength={APPLICATION_LIMITS.note} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
