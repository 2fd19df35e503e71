import { useEffect } from 'react';
import { useInvalidate, useOne } from '@refinedev/core';
import { App, Alert, Button, Card, Checkbox, Flex, Form, Select, Typography } from 'antd';
import { DEFAULT_WORKING_HOURS, WEEKDAY_LABELS, type WorkingHours, type WorkingHoursView } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

/** `GET|PUT /api/settings/working-hours`: one record of the settings resource. */
const WORKING_HOURS = { resource: 'settings', id: 'working-hours' } as const;

const DAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }));

/** Every quarter hour of the day, `00:00` … `23:45`, plus the saved time if it is between them. */
function timeOptions(saved: (string | undefined)[]) {
  const times = new Set<string>();
  for (let minute = 0; minute < 24 * 60; minute += 15)
    times.add(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  for (const time of saved) if (time) times.add(time);
  return [...times].sort().map((time) => ({ value: time, label: time }));
}

/**
 * "Working hours": the days and hours (India time) in which speed to lead is counted, so a lead
 * that arrives at 23:00 is due at the next opening plus the SLA. Admins edit; managers read.
 */
export function WorkingHoursSection({ canEdit }: { canEdit: boolean }) {
  const { message, notification } = App.useApp();
  const invalidate = useInvalidate();
  const { query } = useOne<WorkingHoursView, ApiRequestError>({ ...WORKING_HOURS, errorNotification: false });
  const [form] = Form.useForm<WorkingHours>();
  const loaded = query.data?.data;
  const start = Form.useWatch('start', form);
  const end = Form.useWatch('end', form);
  useEffect(() => {
    if (loaded) form.setFieldsValue({ days: loaded.days, start: loaded.start, end: loaded.end });
  }, [loaded, form]);
  const save = useApiMutation<WorkingHoursView, WorkingHours>({
    request: (values) => ({ path: `${WORKING_HOURS.resource}/${WORKING_HOURS.id}`, method: 'put', values }),
    onSuccess: async () => {
      await invalidate({ ...WORKING_HOURS, invalidates: ['detail'] });
      message.success('Working hours saved');
    },
    onError: (error) => notification.error({ message: 'Could not save the working hours', description: error.message }),
  });
  const sla = loaded?.firstContactSlaMinutes;
  const options = timeOptions([start, end, loaded?.start, loaded?.end]);

  return (
    <Card title="Working hours" id="working-hours" data-testid="working-hours">
      {query.isError ? (
        <Alert
          type="error"
          showIcon
          message="Could not load the working hours"
          description={query.error?.message}
          action={
            <Button size="small" onClick={() => query.refetch()}>
              Retry
            </Button>
          }
        />
      ) : (
        <Form<WorkingHours>
          form={form}
          layout="vertical"
          disabled={!canEdit || query.isLoading}
          initialValues={DEFAULT_WORKING_HOURS}
          onFinish={(values) => save.mutate({ days: [...values.days].sort((a, b) => a - b), start: values.start, end: values.end })}
          requiredMark={false}
          name="working-hours"
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            Speed to lead is counted in these hours, India time: a lead that arrives after closing is due at the next opening plus the first-contact
            time.
          </Typography.Paragraph>
          <Form.Item name="days" label="Working days" rules={[{ required: true, type: 'array', min: 1, message: 'Pick at least one working day' }]}>
            <Checkbox.Group options={DAY_OPTIONS} data-testid="working-days" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item
              name="start"
              label="Opens at"
              rules={[{ required: true, message: 'When the working day starts' }]}
              style={{ flex: '1 1 140px' }}
            >
              <Select options={options} showSearch aria-label="Opens at" data-testid="working-start" />
            </Form.Item>
            <Form.Item
              name="end"
              label="Closes at"
              dependencies={['start']}
              rules={[
                { required: true, message: 'When the working day ends' },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || !getFieldValue('start') || value > getFieldValue('start')
                      ? Promise.resolve()
                      : Promise.reject(new Error('Closing must come after opening')),
                }),
              ]}
              style={{ flex: '1 1 140px' }}
            >
              <Select options={options} showSearch aria-label="Closes at" data-testid="working-end" />
            </Form.Item>
          </Flex>
          <Typography.Paragraph data-testid="first-contact-sla">
            {sla === undefined ? ' ' : `A new lead should be called within ${sla} working minutes; set by FIRST_CONTACT_SLA_MINUTES on the server.`}
          </Typography.Paragraph>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Save working hours
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
