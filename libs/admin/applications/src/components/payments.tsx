import { useState } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Popconfirm, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  APPLICATION_LIMITS,
  formatCalendarDay,
  formatInr,
  istDate,
  PAYMENT_KIND_LABELS,
  PAYMENT_KINDS,
  rupeesToPaise,
  type ApplicationView,
  type PaymentKind,
} from '@advisordesk/shared';
import { optionsOf, PICKER_DAY_FORMAT } from '@advisordesk/admin-ui';
import { useApplicationPayments, useDeletePayment, useRecordPayment } from '../applications-api';

const KIND_OPTIONS = optionsOf(PAYMENT_KINDS, PAYMENT_KIND_LABELS);

interface PaymentForm {
  kind: PaymentKind;
  amount: string;
  paidAt: Dayjs;
  reference: string;
}

/** Rupees as typed (`45000`, `45,000`, `₹45,000.50`) → paise, or null when it is no positive amount. */
function amountInPaise(value: string | undefined): number | null {
  try {
    const paise = rupeesToPaise(value ?? '');
    return paise > 0 ? paise : null;
  } catch {
    return null;
  }
}

/** The payments recorded on an application, newest first, and a form to record one (amount in rupees). */
export function Payments({ application, canEdit, canDelete }: { application: ApplicationView; canEdit: boolean; canDelete: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentForm>();
  const [recording, setRecording] = useState(false);
  const {
    result: { data: payments },
    query,
  } = useApplicationPayments(application.id, true);
  const record = useRecordPayment(application);
  const remove = useDeletePayment(application);
  const today = istDate();

  const submit = async () => {
    const values = await form.validateFields();
    record.mutate(
      {
        kind: values.kind,
        amountPaise: amountInPaise(values.amount) ?? 0,
        paidAt: values.paidAt.format('YYYY-MM-DD'),
        reference: values.reference.trim(),
      },
      {
        onSuccess: (payment) => {
          message.success(`${formatInr(payment.amountPaise)} recorded`);
          form.resetFields();
          setRecording(false);
        },
        onError: (error) => {
          if (error.errors)
            form.setFields(
              Object.entries(error.errors).map(([name, errors]) => ({
                name: (name === 'amountPaise' ? 'amount' : name) as keyof PaymentForm,
                errors: errors as string[],
              })),
            );
          message.error(error.message);
        },
      },
    );
  };

  return (
    <div data-testid="payments">
      {query.isLoading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : query.isError ? (
        <Alert type="error" showIcon message="Could not load the payments" description={query.error?.message} />
      ) : payments.length === 0 ? (
        <Typography.Text type="secondary">No payments recorded yet.</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {payments.map((payment) => (
            <li key={payment.id} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }} data-testid="payment">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                  <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatInr(payment.amountPaise)}
                  </Typography.Text>{' '}
                  <Typography.Text>{PAYMENT_KIND_LABELS[payment.kind]}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
                    {[formatCalendarDay(payment.paidAt), payment.reference, payment.recordedByName && `recorded by ${payment.recordedByName}`]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
                {canDelete && (
                  <Popconfirm
                    title={`Delete this payment of ${formatInr(payment.amountPaise)}?`}
                    okText="Delete"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutate(payment.id, { onError: (error) => message.error(error.message) })}
                  >
                    <Button
                      size="small"
                      danger
                      type="text"
                      icon={<DeleteOutlined />}
                      loading={remove.isPending && remove.variables === payment.id}
                      aria-label="Delete payment"
                    />
                  </Popconfirm>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      )}
      {canEdit && !recording && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)} style={{ marginTop: 8 }}>
          Record a payment
        </Button>
      )}
      {canEdit && recording && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ kind: 'application_fee', paidAt: dayjs(today), reference: '' }}
          style={{ marginTop: 8, padding: 10, background: '#f7f9fb', borderRadius: 8 }}
          name={`payment-${application.id}`}
          data-testid="payment-form"
        >
          <Flex gap={8} wrap>
            <Form.Item
              name="amount"
              label="Amount (₹)"
              rules={[
                {
                  validator: async (_, value: string) =>
                    amountInPaise(value) === null ? Promise.reject(new Error('An amount in rupees, e.g. 45000')) : undefined,
                },
              ]}
              style={{ flex: '1 1 130px', marginBottom: 8 }}
            >
              <Input inputMode="decimal" prefix="₹" placeholder="45,000" aria-label="Amount in rupees" />
            </Form.Item>
            <Form.Item name="kind" label="For" style={{ flex: '1 1 150px', marginBottom: 8 }}>
              <Select options={KIND_OPTIONS} aria-label="Payment for" />
            </Form.Item>
            <Form.Item
              name="paidAt"
              label="Paid on"
              rules={[{ required: true, message: 'The day it was paid' }]}
              style={{ flex: '1 1 140px', marginBottom: 8 }}
            >
              <DatePicker
                format={PICKER_DAY_FORMAT}
                disabledDate={(day) => day.format('YYYY-MM-DD') > today}
                allowClear={false}
                inputReadOnly
                style={{ width: '100%' }}
                aria-label="Paid on"
              />
            </Form.Item>
            <Form.Item
              name="reference"
              label="Reference"
              rules={[{ required: true, whitespace: true, message: 'The receipt or transaction number' }]}
              style={{ flex: '2 1 180px', marginBottom: 8 }}
            >
              <Input maxLength={APPLICATION_LIMITS.paymentReference} placeholder="UTR or receipt no." aria-label="Reference" />
            </Form.Item>
          </Flex>
          <Flex gap={8} justify="flex-end">
            <Button size="small" onClick={() => (form.resetFields(), setRecording(false))}>
              Cancel
            </Button>
            <Button size="small" type="primary" loading={record.isPending} onClick={submit}>
              Save payment
            </Button>
          </Flex>
        </Form>
      )}
    </div>
  );
}
