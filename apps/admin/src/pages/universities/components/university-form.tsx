import { Col, Form, Input, InputNumber, Row, Select, Switch, type FormProps } from 'antd';
import { APPROVALS, NAAC_GRADES, OWNERSHIPS, type Ownership } from '@advisordesk/shared';
import { OWNERSHIP_LABELS, type University } from '../types';

export type UniversityFormValues = Pick<University, 'name' | 'city' | 'state' | 'ownership' | 'approvals' | 'naacGrade' | 'nirfRank' | 'nirfCategory' | 'nirfYear' | 'website'> & {
  active?: boolean;
  version?: number;
};

export const OWNERSHIP_OPTIONS = OWNERSHIPS.map((value) => ({ value, label: OWNERSHIP_LABELS[value as Ownership] }));
export const APPROVAL_OPTIONS = APPROVALS.map((value) => ({ value, label: value }));
export const NAAC_OPTIONS = NAAC_GRADES.map((value) => ({ value, label: value }));

const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

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
          <Form.Item label="City" name="city" rules={[{ max: 100 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="State" name="state" rules={[{ max: 100 }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="Ownership" name="ownership">
            <Select options={OWNERSHIP_OPTIONS} allowClear placeholder="Choose" aria-label="Ownership" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="NAAC grade" name="naacGrade">
            <Select options={NAAC_OPTIONS} allowClear placeholder="Not accredited / not known" aria-label="NAAC grade" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Approvals" name="approvals" extra="As the regulator words it: UGC-entitled for online degrees, DEB for distance education, AICTE for technical and management programs.">
        <Select mode="multiple" options={APPROVAL_OPTIONS} placeholder="Choose every approval" aria-label="Approvals" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12} sm={6}>
          <Form.Item label="NIRF rank" name="nirfRank">
            <InputNumber min={1} max={2000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label="NIRF year" name="nirfYear">
            <InputNumber min={2016} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="NIRF category" name="nirfCategory" rules={[{ max: 100 }]} extra="Leave blank for the University ranking.">
            <Input placeholder="e.g. Management, Open University" autoComplete="off" />
          </Form.Item>
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
