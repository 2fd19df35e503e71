import type { ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Col, DatePicker, Form, Input, Row, Switch, type FormInstance, type FormProps } from 'antd';
import { CURRENT_SESSION, isSession, type FeeFigures, type FeeStructureView } from '@advisordesk/shared';
import { toFeeComponents, toFeeRows, type FeeComponentRow } from '../rupees';
import { FeeComponentsEditor } from './fee-components-editor';
import { PICKER_DAY_FORMAT } from '@advisordesk/admin-ui';

/** What the person edits: amounts as typed rupees, dates as dates. */
export interface FeeStructureFormValues {
  session: string;
  components: FeeComponentRow[];
  emiAvailable?: boolean;
  scholarshipNotes?: string | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

const DATE_FORMAT = 'YYYY-MM-DD';

/** The figures the API receives (a new structure adds its program and session, an edit the version read). */
export function toFeeFigures(values: FeeStructureFormValues): FeeFigures {
  const { components, totalPaise } = toFeeComponents(values.components ?? []);
  const notes = values.scholarshipNotes?.trim();
  return {
    components,
    totalPaise,
    emiAvailable: values.emiAvailable ?? false,
    scholarshipNotes: notes ? notes : null,
    validFrom: values.validFrom ? values.validFrom.format(DATE_FORMAT) : null,
    validTo: values.validTo ? values.validTo.format(DATE_FORMAT) : null,
  };
}

/** A stored fee structure as the form's values (paise back to rupees exactly). */
export function toFormValues(
  fee: Pick<FeeStructureView, 'session' | 'components' | 'emiAvailable' | 'scholarshipNotes' | 'validFrom' | 'validTo'>,
): FeeStructureFormValues {
  return {
    session: fee.session,
    components: toFeeRows(fee.components),
    emiAvailable: fee.emiAvailable,
    scholarshipNotes: fee.scholarshipNotes,
    validFrom: fee.validFrom ? dayjs(fee.validFrom, DATE_FORMAT) : null,
    validTo: fee.validTo ? dayjs(fee.validTo, DATE_FORMAT) : null,
  };
}

export const EMPTY_FEE_VALUES: FeeStructureFormValues = {
  session: CURRENT_SESSION,
  components: [{ label: '', amount: '', due: '' }],
  emiAvailable: false,
  scholarshipNotes: null,
  validFrom: null,
  validTo: null,
};

/**
 * The fee structure form. The session is fixed once the structure exists (a new session is a new
 * structure); `beforeComponents` shows what the editor needs to know first (e.g. what it replaces).
 */
export function FeeStructureForm({
  formProps,
  form,
  mode,
  initialValues,
  onSubmit,
  beforeComponents,
}: {
  formProps: FormProps;
  form: FormInstance;
  mode: 'create' | 'edit';
  initialValues: FeeStructureFormValues;
  onSubmit: (values: FeeStructureFormValues) => void;
  beforeComponents?: ReactNode;
}) {
  return (
    <Form<FeeStructureFormValues>
      {...formProps}
      form={form}
      name={`fee-structure-${mode}`}
      layout="vertical"
      requiredMark="optional"
      initialValues={initialValues}
      onFinish={onSubmit}
      style={{ maxWidth: 920 }}
    >
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            label="Academic session"
            name="session"
            rules={[
              { required: true, message: 'Enter the session, like 2026-27' },
              {
                validator: async (_, value: string | undefined) => {
                  if (value && !isSession(value.trim())) throw new Error('Two consecutive years, like 2026-27');
                },
              },
            ]}
            extra={mode === 'edit' ? 'A new session is a new fee structure.' : undefined}
          >
            <Input disabled={mode === 'edit'} placeholder="2026-27" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item label="Valid from" name="validFrom">
            <DatePicker format={PICKER_DAY_FORMAT} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item
            label="Valid to"
            name="validTo"
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | null | undefined) => {
                  const from: Dayjs | null | undefined = getFieldValue('validFrom');
                  if (value && from && value.isBefore(from, 'day')) throw new Error('Not before “valid from”');
                },
              }),
            ]}
          >
            <DatePicker format={PICKER_DAY_FORMAT} style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </Col>
      </Row>
      {beforeComponents}
      <Form.Item label="Fee components" required style={{ marginBottom: 8 }}>
        <FeeComponentsEditor form={form} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label="EMI available" name="emiAvailable" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item label="Scholarship notes" name="scholarshipNotes" rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="e.g. 20% for defence personnel and their families" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
