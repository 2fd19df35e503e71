import { useSelect } from '@refinedev/antd';
import { Col, Form, Input, Row, Select, Switch, type FormProps } from 'antd';
import type { ProgramBody, UniversityView, UpdateProgramBody } from '@advisordesk/shared';
import { OptionalNumberItem, OptionalSelectItem } from '@advisordesk/admin-ui';
import { CREDENTIAL_OPTIONS, LEVEL_OPTIONS, MODE_OPTIONS } from './options';

/** What the form sends: a new program, or an edit with the version read (which its page adds). */
export type ProgramFormValues = ProgramBody & Partial<Pick<UpdateProgramBody, 'version'>>;

/** What the API receives: blanks become null, text is trimmed, specialisations de-duplicated. */
export function cleanProgramValues(values: ProgramFormValues): ProgramFormValues {
  const eligibility = values.eligibility?.trim();
  return {
    ...values,
    name: values.name?.trim(),
    credentialType: values.credentialType ?? null,
    mode: values.mode ?? null,
    durationMonths: values.durationMonths ?? null,
    credits: values.credits ?? null,
    stackable: values.stackable ?? false,
    eligibility: eligibility ? eligibility : null,
    specialisations: [...new Set((values.specialisations ?? []).map((s) => s.trim()).filter(Boolean))],
  };
}

/** Add / edit a program of a university. */
export function ProgramForm({
  formProps,
  mode,
  universityId,
}: {
  formProps: FormProps<ProgramFormValues>;
  mode: 'create' | 'edit';
  universityId?: string;
}) {
  const { selectProps } = useSelect<UniversityView>({
    resource: 'universities',
    optionLabel: (u) => [u.name, u.city].filter(Boolean).join(', '),
    optionValue: 'id',
    defaultValue: universityId,
    pagination: { pageSize: 50, mode: 'server' },
    sorters: [{ field: 'name', order: 'asc' }],
    onSearch: (value) => [{ field: 'q', operator: 'eq', value: value.trim() || undefined }],
    debounce: 300,
  });
  return (
    <Form<ProgramFormValues>
      {...formProps}
      name={`program-${mode}`}
      layout="vertical"
      requiredMark="optional"
      onFinish={(values) => formProps.onFinish?.(cleanProgramValues(values))}
      initialValues={
        mode === 'create' ? { stackable: false, specialisations: [], universityId, ...formProps.initialValues } : formProps.initialValues
      }
      style={{ maxWidth: 860 }}
    >
      <Form.Item label="University" name="universityId" rules={[{ required: true, message: 'Choose the university' }]}>
        <Select {...selectProps} showSearch placeholder="Search universities" aria-label="University" />
      </Form.Item>
      <Form.Item label="Program name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the program’s name' }, { max: 200 }]}>
        <Input placeholder="e.g. Online MBA" autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label="Level" name="level" rules={[{ required: true, message: 'Choose the level' }]}>
            <Select options={LEVEL_OPTIONS} placeholder="Choose" aria-label="Level" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <OptionalSelectItem label="Credential" name="credentialType" options={CREDENTIAL_OPTIONS} />
        </Col>
        <Col xs={24} sm={8}>
          <OptionalSelectItem label="Mode" name="mode" options={MODE_OPTIONS} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} sm={8}>
          <OptionalNumberItem label="Duration (months)" name="durationMonths" min={1} max={120} />
        </Col>
        <Col xs={12} sm={8}>
          <OptionalNumberItem label="Credits" name="credits" min={0} max={1000} />
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label="Credits stack into a degree" name="stackable" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Eligibility" name="eligibility" rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="e.g. Graduation in any discipline with 50% marks" />
      </Form.Item>
      <Form.Item label="Specialisations" name="specialisations" extra="Type one and press Enter.">
        <Select
          mode="tags"
          tokenSeparators={[',']}
          open={false}
          suffixIcon={null}
          placeholder="e.g. Finance, Marketing, HR"
          aria-label="Specialisations"
        />
      </Form.Item>
      {mode === 'edit' && (
        <Form.Item label="Active" name="active" valuePropName="checked" extra="Inactive programs are not suggested to leads.">
          <Switch />
        </Form.Item>
      )}
    </Form>
  );
}
