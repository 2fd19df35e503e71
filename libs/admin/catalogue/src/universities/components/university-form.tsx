import { Col, Form, Input, Row, Select, Switch, type FormProps } from 'antd';
import { OWNERSHIP_LABELS, OWNERSHIPS, type UniversityBody, type UpdateUniversityBody } from '@advisordesk/shared';
import { blankToNull, OptionalNumberItem, OptionalSelectItem, OptionalTextItem, optionsOf } from '@advisordesk/admin-ui';
import { APPROVAL_OPTIONS, NAAC_OPTIONS } from '../../components/catalogue-filters';

/** What the form sends: a new university, or an edit with the version read (which its page adds). */
export type UniversityFormValues = UniversityBody & Partial<Pick<UpdateUniversityBody, 'version'>>;

export const OWNERSHIP_OPTIONS = optionsOf(OWNERSHIPS, OWNERSHIP_LABELS);

/** What the API receives: blanks become null (so a cleared field is cleared), text is trimmed. */
export function cleanUniversityValues(values: UniversityFormValues): UniversityFormValues {
  return {
    ...values,
    name: values.name?.trim(),
    city: blankToNull(values.city),
    state: blankToNull(values.state),
    ownership: values.ownership ?? null,
    approvals: values.approvals ?? [],
    naacGrade: values.naacGrade ?? null,
    nirfRank: values.nirfRank ?? null,
    nirfCategory: blankToNull(values.nirfCategory),
    nirfYear: values.nirfYear ?? null,
    website: blankToNull(values.website),
  };
}

/** Add / edit a university. The API's field messages (e.g. a bad website address) show under the fields. */
export function UniversityForm({ formProps, mode }: { formProps: FormProps<UniversityFormValues>; mode: 'create' | 'edit' }) {
  return (
    <Form<UniversityFormValues>
      {...formProps}
      name={`university-${mode}`}
      layout="vertical"
      requiredMark="optional"
      onFinish={(values) => formProps.onFinish?.(cleanUniversityValues(values))}
      initialValues={mode === 'create' ? { approvals: [], ...formProps.initialValues } : formProps.initialValues}
      style={{ maxWidth: 860 }}
    >
      <Form.Item label="Name" name="name" rules={[{ required: true, whitespace: true, message: 'Enter the university’s name' }, { max: 200 }]}>
        <Input placeholder="e.g. Manipal University Jaipur" autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <OptionalTextItem label="City" name="city" max={100} />
        </Col>
        <Col xs={24} sm={12}>
          <OptionalTextItem label="State" name="state" max={100} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <OptionalSelectItem label="Ownership" name="ownership" options={OWNERSHIP_OPTIONS} />
        </Col>
        <Col xs={24} sm={12}>
          <OptionalSelectItem label="NAAC grade" name="naacGrade" options={NAAC_OPTIONS} placeholder="Not accredited / not known" />
        </Col>
      </Row>
      <Form.Item
        label="Approvals"
        name="approvals"
        extra="As the regulator words it: UGC-entitled for online degrees, DEB for distance education, AICTE for technical and management programs."
      >
        <Select mode="multiple" options={APPROVAL_OPTIONS} placeholder="Choose every approval" aria-label="Approvals" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} sm={6}>
          <OptionalNumberItem label="NIRF rank" name="nirfRank" min={1} max={2000} />
        </Col>
        <Col xs={12} sm={6}>
          <OptionalNumberItem label="NIRF year" name="nirfYear" min={2016} max={2100} />
        </Col>
        <Col xs={24} sm={12}>
          <OptionalTextItem
            label="NIRF category"
            name="nirfCategory"
            max={100}
            extra="Leave blank for the University ranking."
            placeholder="e.g. Management, Open University"
          />
        </Col>
      </Row>
      <Form.Item label="Website" name="website" rules={[{ type: 'url', message: 'Enter an address like https://www.example.ac.in' }, { max: 500 }]}>
        <Input inputMode="url" placeholder="https://" autoComplete="off" />
      </Form.Item>
      {mode === 'edit' && (
        <Form.Item label="Active" name="active" valuePropName="checked" extra="Inactive universities and their programs are not suggested to leads.">
          <Switch />
        </Form.Item>
      )}
    </Form>
  );
}
