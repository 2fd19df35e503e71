import { useState } from 'react';
import { useGetIdentity, useInvalidate } from '@refinedev/core';
import { PhoneOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { formatPhone, NOTE_MAX_LENGTH, waDigits, type ActivityView, type LeadView, type NoteBody, type UserView } from '@advisordesk/shared';
import { leadResource, useApiMutation } from '@advisordesk/admin-data';
import { leadPath } from '../lead-data';
import { firstName } from '../timeline-text';

/** `https://wa.me/<digits>?text=…`: WhatsApp's click-to-chat link, on a phone or a laptop. */
export function whatsappUrl(phone: string, text?: string): string {
  return `https://wa.me/${waDigits(phone)}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}

function greeting(lead: LeadView, me: UserView | undefined): string {
  const course = lead.courseInterest ? ` about ${lead.courseInterest}` : '';
  return `Hello ${firstName(lead.fullName)}, this is ${me ? firstName(me.name) : 'your advisor'} from AdvisorDesk${course}. Is this a good time to talk?`;
}

/**
 * Call (`tel:`) and WhatsApp for a lead. WhatsApp opens with a message the advisor can edit, and
 * the message is logged on the timeline as it is sent; without WhatsApp consent it says so first.
 */
export function ContactButtons({ lead, compact = false }: { lead: LeadView; compact?: boolean }) {
  const { data: me } = useGetIdentity<UserView>();
  const { notification } = App.useApp();
  const invalidate = useInvalidate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ text: string }>();
  const text = Form.useWatch('text', form) ?? '';
  const log = useApiMutation<ActivityView, string>({
    request: (message) => ({ path: leadPath(lead.id, 'whatsapp'), method: 'post', values: { text: message } satisfies NoteBody }),
    onSuccess: () => invalidate({ resource: leadResource(lead.id, 'timeline'), invalidates: ['resourceAll'] }),
    onError: (error) => notification.error({ message: 'WhatsApp opened, but the message was not logged', description: error.message }),
  });

  if (!lead.phone) return null;
  const phone = lead.phone;
  const label = formatPhone(phone);

  return (
    <>
      <Space size={8} wrap>
        <Button type="primary" icon={<PhoneOutlined />} href={`tel:${phone}`} aria-label={`Call ${lead.fullName} on ${label}`}>
          {compact ? 'Call' : `Call ${label}`}
        </Button>
        <Button
          icon={<WhatsAppOutlined style={{ color: '#25D366' }} />}
          onClick={() => {
            form.setFieldsValue({ text: greeting(lead, me) });
            setOpen(true);
          }}
          aria-label={`WhatsApp ${lead.fullName}`}
        >
          WhatsApp
        </Button>
      </Space>
      <Modal
        open={open}
        title={`WhatsApp ${lead.fullName}`}
        onCancel={() => setOpen(false)}
        forceRender
        footer={
          <Space wrap style={{ justifyContent: 'flex-end' }}>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              type="primary"
              icon={<WhatsAppOutlined />}
              href={whatsappUrl(phone, text.trim() || undefined)}
              target="_blank"
              rel="noopener noreferrer"
              disabled={!text.trim()}
              onClick={() => {
                log.mutate(text.trim());
                setOpen(false);
              }}
            >
              Open WhatsApp and log it
            </Button>
          </Space>
        }
      >
        {!lead.consentWhatsapp && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${firstName(lead.fullName)} has not agreed to WhatsApp messages`}
            description="Message only if they asked you to, and note why."
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          Opens a chat with {label}. The message below goes on the timeline as sent.
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="whatsapp">
          <Form.Item name="text" label="Message" rules={[{ required: true, whitespace: true, message: 'Write a message' }, { max: NOTE_MAX_LENGTH }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
