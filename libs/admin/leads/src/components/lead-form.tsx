import { Col, Form, Input, Row, Select, type FormProps } from 'antd';
import { INQUIRY_LIMITS, normalisePhone, PHONE_MESSAGES, type CreateLeadBody, type LeadSource, type UpdateLeadBody } from '@advisordesk/shared';
import {
  LEVEL_OPTIONS,
  MODE_OPTIONS,
  OptionalNumberItem,
  OptionalSelectItem,
  OptionalTextItem,
  SOURCE_OPTIONS,
  matchesState,
  STATE_OPTIONS,
  VocabularySelect,
  VocabularySelectItem,
} from '@advisordesk/admin-ui';
import { useOfferedCourses } from '@advisordesk/admin-data';
import { RupeeInput } from './rupee-input';

/** The profile form's fields: a new lead's (`CreateLeadBody`); an edit shows them without the source and campaign. */
export type LeadFormValues = Omit<CreateLeadBody, 'source'> & Partial<Pick<CreateLeadBody, 'source'>>;

/** What each form sends: a new lead, or a profile edit (the page adds the version it read). */
export type LeadFormBody = { create: CreateLeadBody; edit: Omit<UpdateLeadBody, 'version'> };

/** Leads entered by hand come from these; website and import leads arrive on their own. */
export const MANUAL_SOURCES: LeadSource[] = ['walk_in', 'phone', 'referral', 'event', 'social', 'other'];

/**
 * What the API should get. A new lead leaves out what was not filled in; an edit sends `null` for
 * a cleared field, so it is really cleared.
 */
export function cleanLeadValues<M extends keyof LeadFormBody>(values: LeadFormValues, mode: M): LeadFormBody[M] {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const empty = value === undefined || value === null || value === '';
    if (empty) {
      // An edit clears a field with null (a cleared select gives undefined); a new lead just leaves it out.
      if (mode === 'edit' && key !== 'fullName' && key !== 'phone') out[key] = null;
      continue;
    }
    out[key] = key === 'email' ? String(value).toLowerCase() : value;
  }
  // Built field by field from the form's own values, so it has the body's shape.
  return out as LeadFormBody[M];
}

const phoneRule = {
  validator: (_: unknown, value: string | undefined) => {
    const check = normalisePhone(value);
    return check.ok
      ? Promise.resolve()
      : Promise.reject(new Error(check.reason === 'empty' ? 'Enter a mobile number' : PHONE_MESSAGES.invalid.replace(/^phone/, 'Phone')));
  },
};

/** The course interest, from the offered courses; picking one fills the level and mode it is, if they are empty. */
function CourseItem() {
  const form = Form.useFormInstance<LeadFormValues>();
  const { courses, loading } = useOfferedCourses();
  return (
    <Form.Item label="Course interest" name="courseInterest">
      <VocabularySelect
        label="Course interest"
        placeholder="Search the offered courses"
        loading={loading}
        options={courses.map((course) => ({ value: course.name, label: course.name }))}
        onChange={(name) => {
          const course = courses.find((c) => c.name === name);
          if (course?.level && !form.getFieldValue('level')) form.setFieldValue('level', course.level);
          if (course?.mode && !form.getFieldValue('mode')) form.setFieldValue('mode', course.mode);
        }}
      />
    </Form.Item>
  );
}

/** A lead's profile: the "New lead" form (walk-ins, calls, referrals) and the profile editor. */
export function LeadForm<M extends keyof LeadFormBody>({
  formProps,
  mode,
}: {
  formProps: Omit<FormProps, 'onFinish'> & { onFinish?: (body: LeadFormBody[M]) => unknown };
  mode: M;
}) {
  return (
    <Form<LeadFormValues>
      {...formProps}
      name={`lead-${mode}`}
      layout="vertical"
      requiredMark="optional"
      onFinish={(values) => formProps.onFinish?.(cleanLeadValues(values, mode))}
      initialValues={mode === 'create' ? { source: 'walk_in', ...formProps.initialValues } : formProps.initialValues}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Full name"
            name="fullName"
            rules={[
              { required: true, whitespace: true, message: 'Enter the person’s name' },
              { min: 2, message: 'At least 2 characters' },
              { max: INQUIRY_LIMITS.fullName, message: `At most ${INQUIRY_LIMITS.fullName} characters` },
            ]}
          >
            <Input autoComplete="off" placeholder="e.g. Rohan Mehta" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Mobile number"
            name="phone"
            rules={[phoneRule]}
            extra={mode === 'create' ? 'Indian numbers as typed; others with +country code' : undefined}
          >
            <Input type="tel" inputMode="tel" autoComplete="off" placeholder="98765 43210" />
          </Form.Item>
        </Col>
        {mode === 'create' && (
          <Col xs={24} sm={12}>
            <Form.Item label="Source" name="source" rules={[{ required: true, message: 'Where did this lead come from?' }]}>
              <Select options={SOURCE_OPTIONS.filter((o) => MANUAL_SOURCES.includes(o.value))} aria-label="Source" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item
            label="Email"
            name="email"
            rules={[{ type: 'email', message: 'Enter an email address like name@example.com' }, { max: INQUIRY_LIMITS.email }]}
          >
            <Input type="email" inputMode="email" autoComplete="off" placeholder="name@example.com" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12}>
          <OptionalTextItem label="City" name="city" max={INQUIRY_LIMITS.city} />
        </Col>
        <Col xs={12} sm={12}>
          <VocabularySelectItem label="State" name="state" options={STATE_OPTIONS} filterOption={matchesState} placeholder="Search a state" />
        </Col>
        <Col xs={24} sm={12}>
          <CourseItem />
        </Col>
        <Col xs={12} sm={12}>
          <OptionalSelectItem label="Level" name="level" options={LEVEL_OPTIONS} placeholder="Any" />
        </Col>
        <Col xs={12} sm={12}>
          <OptionalSelectItem label="Mode" name="mode" options={MODE_OPTIONS} placeholder="Any" />
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Budget" name="budgetPaise">
            <RupeeInput placeholder="Total the person can spend" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <OptionalTextItem label="Highest qualification" name="qualification" max={200} placeholder="e.g. B.Com" />
        </Col>
        <Col xs={24} sm={12}>
          <OptionalNumberItem label="Work experience (years)" name="experienceYears" min={0} max={60} inputMode="numeric" />
        </Col>
        {mode === 'create' && (
          <Col xs={24} sm={12}>
            <OptionalTextItem label="Campaign" name="utmCampaign" max={INQUIRY_LIMITS.utm} extra="If the person mentioned an ad or event" />
          </Col>
        )}
      </Row>
    </Form>
  );
}
