import { Create, useForm } from '@refinedev/antd';
import { useGo } from '@refinedev/core';
import { DatePicker, Form, Input, Radio, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { BREACH_LIMITS, BREACH_MAX_LEAD_IDS, BREACH_REPORT_HOURS, type BreachBody, type BreachDetail } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { fieldErrorsOnly, istWallClock, PICKER_DATE_TIME_FORMAT, PICKER_DAY_FORMAT, wallClockToIso } from '@advisordesk/admin-ui';
import { pastedLeadIds } from './breach-clock';
import { BREACHES_PATH } from './breach-parts';

type AffectedBy = 'ids' | 'period';

interface BreachFormValues {
  discoveredAt: Dayjs;
  description: string;
  dataConcerned: string;
  measures?: string;
  affectedBy: AffectedBy;
  leadIds?: string;
  period?: [Dayjs, Dayjs];
}

const toBody = (values: BreachFormValues): BreachBody => ({
  discoveredAt: wallClockToIso(values.discoveredAt),
  description: values.description.trim(),
  dataConcerned: values.dataConcerned.trim(),
  measures: values.measures?.trim() ?? '',
  ...(values.affectedBy === 'ids'
    ? { leadIds: pastedLeadIds(values.leadIds ?? '').ids }
    : { createdFrom: values.period?.[0].format('YYYY-MM-DD'), createdTo: values.period?.[1].format('YYYY-MM-DD') }),
});

/** The API names the period's ends; the form has one range picker for them. */
function showPeriodErrors(form: FormInstance<BreachFormValues>, error: ApiRequestError) {
  const messages = ['createdFrom', 'createdTo'].flatMap((field) => error.errors?.[field] ?? []).map(String);
  if (messages.length) form.setFields([{ name: 'period', errors: messages }]);
}

/** Recording a breach: when it became known (the 72 hours start then), what happened, whose data, and what was done. */
export default function BreachCreatePage() {
  const go = useGo();
  const { form, formProps, saveButtonProps } = useForm<BreachDetail, ApiRequestError, BreachBody>({
    resource: 'breaches',
    action: 'create',
    redirect: false,
    successNotification: (data) => ({
      type: 'success',
      description: 'Breach recorded',
      message: `${data?.data.affectedCount.toLocaleString('en-IN')} people affected. The drafts of the notices are on its page.`,
    }),
    errorNotification: fieldErrorsOnly('Could not record the breach'),
    onMutationSuccess: (data) => go({ to: `${BREACHES_PATH}/${data.data.id}` }),
    onMutationError: (error) => showPeriodErrors(fields, error),
  });
  // The form holds the fields as typed; the body is made from them on submit.
  const fields = form as unknown as FormInstance<BreachFormValues>;
  const affectedBy: AffectedBy = Form.useWatch('affectedBy', fields) ?? 'ids';
  const pasted = pastedLeadIds(Form.useWatch('leadIds', fields) ?? '');
  const now = istWallClock();

  return (
    <Create title="Record a breach" breadcrumb={false} saveButtonProps={{ ...saveButtonProps, children: 'Record the breach' }}>
      <Form
        {...formProps}
        layout="vertical"
        requiredMark={false}
        initialValues={{ discoveredAt: now.second(0), affectedBy: 'ids', measures: '' }}
        onFinish={(values) => formProps.onFinish?.(toBody(values as unknown as BreachFormValues))}
        style={{ maxWidth: 720 }}
      >
        <Form.Item
          name="discoveredAt"
          label="Became known at (IST)"
          extra={`The report to the Data Protection Board is due ${BREACH_REPORT_HOURS} hours from this moment.`}
          rules={[
            { required: true, message: 'When the breach became known' },
            {
              validator: (_, value?: Dayjs) =>
                !value || !value.isAfter(istWallClock()) ? Promise.resolve() : Promise.reject(new Error('Not in the future')),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'h:mm a', minuteStep: 5, use12Hours: true }}
            format={PICKER_DATE_TIME_FORMAT}
            disabledDate={(day) => day.isAfter(istWallClock().endOf('day'))}
            aria-label="Became known at"
            inputReadOnly
            style={{ width: '100%', maxWidth: 320 }}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="What happened"
          extra="Its nature and extent, where it happened and how it came to light."
          rules={[{ required: true, whitespace: true, message: 'Say what happened' }, { max: BREACH_LIMITS.description }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item
          name="dataConcerned"
          label="Personal data concerned"
          extra="For example: names, mobile numbers, email addresses, marks sheets."
          rules={[{ required: true, whitespace: true, message: 'Name the personal data concerned' }, { max: BREACH_LIMITS.dataConcerned }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item
          name="measures"
          label="Measures taken"
          extra="What was done to contain it, and what is being done. You can add to this later."
          rules={[{ max: BREACH_LIMITS.measures }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="affectedBy" label="Whose data">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ids', label: 'Paste lead ids' },
              { value: 'period', label: 'Leads created in a period' },
            ]}
          />
        </Form.Item>
        {affectedBy === 'ids' ? (
          <Form.Item
            name="leadIds"
            label="Lead ids"
            extra={
              <span data-testid="breach-pasted-count">
                {pasted.ids.length.toLocaleString('en-IN')} lead {pasted.ids.length === 1 ? 'id' : 'ids'}. One a line, or separated by commas; at most{' '}
                {BREACH_MAX_LEAD_IDS.toLocaleString('en-IN')}. Erased leads are left out: there is no one to tell.
              </span>
            }
            rules={[
              {
                validator: (_, text?: string) => {
                  const { ids, invalid } = pastedLeadIds(text ?? '');
                  if (invalid.length) return Promise.reject(new Error(`Not lead ids: ${invalid.slice(0, 3).join(', ')}`));
                  if (!ids.length) return Promise.reject(new Error('Paste the ids of the affected leads'));
                  if (ids.length > BREACH_MAX_LEAD_IDS)
                    return Promise.reject(new Error(`At most ${BREACH_MAX_LEAD_IDS.toLocaleString('en-IN')} ids`));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder="1b4e28ba-2fa1-41d2-883f-0016d3cca427" spellCheck={false} />
          </Form.Item>
        ) : (
          <Form.Item
            name="period"
            label="Created between"
            extra="Every lead whose record was created on these days (IST), both included, except erased ones."
            rules={[{ required: true, message: 'Choose the first and last day' }]}
          >
            <DatePicker.RangePicker
              format={PICKER_DAY_FORMAT}
              disabledDate={(day) => day.isAfter(istWallClock().endOf('day'))}
              aria-label="Created between"
              inputReadOnly
              style={{ width: '100%', maxWidth: 360 }}
            />
          </Form.Item>
        )}
      </Form>
    </Create>
  );
}
