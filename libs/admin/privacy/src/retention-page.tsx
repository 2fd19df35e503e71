import { lazy, Suspense, useEffect } from 'react';
import { useInvalidate, useOne } from '@refinedev/core';
import { App, Alert, Button, Card, Col, Form, InputNumber, Row, Skeleton, Space, Statistic, Switch, Typography } from 'antd';
import {
  DEFAULT_RETENTION,
  formatIstDateTime,
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  RETENTION_WARNING_HOURS,
  type RetentionSettings,
  type RetentionStatus,
} from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';
import { LoadError } from './components/load-error';

/** `GET|PUT /api/settings/retention`: one record of the settings resource. */
const RETENTION = { resource: 'settings', id: 'retention' } as const;
/** Days to answer a rights request: at least a day, at most a quarter. */
const DUE_DAYS_MIN = 1;
const DUE_DAYS_MAX = 90;

const ErasedByMonthChart = lazy(() => import('./components/erased-chart'));

const LIMITS = { months: [RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX], days: [DUE_DAYS_MIN, DUE_DAYS_MAX] } as const;

/** A whole number of months or days, required, with what it means (and, for whole years of months, how many years). */
function PeriodItem({
  name,
  label,
  explanation,
  unit,
  value,
}: {
  name: keyof RetentionSettings;
  label: string;
  explanation: string;
  unit: keyof typeof LIMITS;
  value?: number;
}) {
  const years = unit === 'months' && value && value >= 12 && value % 12 === 0 ? ` That is ${value / 12} year${value === 12 ? '' : 's'}.` : '';
  const [min, max] = LIMITS[unit];
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `How many ${unit}?` }]} extra={`${explanation}${years}`}>
      <InputNumber min={min} max={max} precision={0} inputMode="numeric" addonAfter={unit} style={{ width: 200 }} aria-label={label} />
    </Form.Item>
  );
}

/**
 * Data retention (admins): how long AdvisorDesk keeps a lead that went quiet or enrolled, the days
 * to answer a rights request, and what the nightly erasure did and will do.
 */
export default function RetentionPage() {
  const { message, notification } = App.useApp();
  const invalidate = useInvalidate();
  const { query } = useOne<RetentionStatus, ApiRequestError>({ ...RETENTION, errorNotification: false });
  const [form] = Form.useForm<RetentionSettings>();
  const status = query.data?.data;
  const inactiveMonths = Form.useWatch('inactiveMonths', form);
  const enrolledMonths = Form.useWatch('enrolledMonths', form);
  const enabled = Form.useWatch('enabled', form);
  useEffect(() => {
    if (status)
      form.setFieldsValue({
        inactiveMonths: status.inactiveMonths,
        enrolledMonths: status.enrolledMonths,
        requestDueDays: status.requestDueDays,
        enabled: status.enabled,
      });
  }, [status, form]);
  const save = useApiMutation<RetentionStatus, RetentionSettings>({
    request: (values) => ({ path: `${RETENTION.resource}/${RETENTION.id}`, method: 'put', values }),
    onSuccess: async () => {
      await invalidate({ ...RETENTION, invalidates: ['detail'] });
      message.success('Retention saved');
    },
    onError: (error) => {
      const fields = Object.entries(error.errors ?? {}).map(([name, errors]) => ({
        name: name as keyof RetentionSettings,
        errors: errors as string[],
      }));
      if (fields.length) form.setFields(fields);
      else notification.error({ message: 'Could not save the retention', description: error.message });
    },
  });

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <LoadError what="the retention settings" error={query.error} retry={query.refetch} />;

  const erasedTotal = status?.erasedByMonth.reduce((sum, m) => sum + m.count, 0) ?? 0;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 760 }} data-testid="retention-page">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Data retention
        </Typography.Title>
        <Typography.Text type="secondary">
          India’s data protection law asks us to erase personal data once it is no longer needed. AdvisorDesk does it every night, by these rules.
        </Typography.Text>
      </div>

      <Row gutter={[12, 12]} data-testid="retention-counts">
        <Col xs={12} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title="Warned, to be erased" value={status?.warned ?? 0} groupSeparator="," />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              once their {RETENTION_WARNING_HOURS} hours pass
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title="Due at the next run" value={status?.dueSoon ?? 0} groupSeparator="," />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              would be warned {status?.enabled ? 'tonight' : 'once switched on'}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title="Last run" value={status?.lastRunAt ? formatIstDateTime(status.lastRunAt) : 'Never'} valueStyle={{ fontSize: 18 }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              India time
            </Typography.Text>
          </Card>
        </Col>
      </Row>

      <Card title="Rules" data-testid="retention-rules">
        <Form<RetentionSettings>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={DEFAULT_RETENTION}
          onFinish={(values) => save.mutate(values)}
          name="retention"
        >
          <Form.Item
            name="enabled"
            label="Erase automatically"
            valuePropName="checked"
            extra={
              enabled
                ? `Every night, leads past these limits are warned, and erased ${RETENTION_WARNING_HOURS} hours later.`
                : 'Off: nothing is erased by retention. Requests to erase are still answered from Privacy requests.'
            }
          >
            <Switch checkedChildren="On" unCheckedChildren="Off" aria-label="Erase automatically" data-testid="retention-enabled" />
          </Form.Item>
          <PeriodItem
            name="inactiveMonths"
            label="Erase a lead that did not enrol after this many months of silence"
            explanation="Silence means no inquiry, no message either way and no activity by staff on the lead."
            unit="months"
            value={inactiveMonths}
          />
          <PeriodItem
            name="enrolledMonths"
            label="Erase an enrolled student’s record this many months after their last activity"
            explanation="Keep it long enough for fee receipts and disputes."
            unit="months"
            value={enrolledMonths}
          />
          <PeriodItem
            name="requestDueDays"
            label="Days to answer a privacy request"
            explanation="Counted from when the person verifies their phone."
            unit="days"
          />
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={`Before erasing, AdvisorDesk warns the person ${RETENTION_WARNING_HOURS} hours ahead by email, when it holds their email and email is connected. A new inquiry, message or activity in those hours keeps the lead.`}
          />
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="retention-save">
            Save retention
          </Button>
        </Form>
      </Card>

      <Card title="Erased by retention, last 12 months" data-testid="retention-erased">
        {erasedTotal === 0 ? (
          <Typography.Text type="secondary">No lead has been erased by retention yet.</Typography.Text>
        ) : (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
            <ErasedByMonthChart months={status?.erasedByMonth ?? []} />
          </Suspense>
        )}
      </Card>
    </Space>
  );
}
