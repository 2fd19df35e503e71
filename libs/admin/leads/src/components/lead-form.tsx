import { Checkbox, Col, Form, Input, Row, Select, Typography, type FormProps } from 'antd';
import {
  CONSENT_CHANNEL_LABELS,
  CONSENT_CHANNELS,
  INQUIRY_LIMITS,
  normalisePhone,
  PHONE_MESSAGES,
  type CreateLeadBody,
  type LeadSource,
  type UpdateLeadBody,
} from '@advisordesk/shared';
import {
  LEVEL_OPTIONS,
  MODE_OPTIONS,
  OptionalNumberItem,
  OptionalSelectItem,
  OptionalTextItem,
  optionsOf,
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
  // Consent is sent only when something was agreed to; then the channel says how.
  if (mode === 'create' && out.consentWhatsapp !== true && out.consentMarketing !== true) {
    delete out.consentWhatsapp;
    delete out.consentMarketing;
    delete out.consentChannel;
  }
  // Built field by field from the form's own values, so it has the body's shape.
  return out as LeadFormBody[M];
}

export const CONSENT_CHANNEL_OPTIONS = optionsOf(CONSENT_CHANNELS, CONSENT_CHANNEL_LABELS);

/** A new lead's consent, as the person gave it to staff: never ticked for them; the channel once something is. */
function ConsentFields() {
  return (
    <Col xs={24}>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }} data-testid="new-lead-consent">
        <legend style={{ fontSize: 14, marginBottom: 4, border: 0 }}>Consent the person gave you</legend>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
          Tick only what they agreed to just now. You can record it later on the lead’s page.
        </Typography.Text>
        <Form.Item name="consentWhatsapp" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>Agrees to WhatsApp messages</Checkbox>
        </Form.Item>
        <Form.Item name="consentMarketing" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>Agrees to marketing messages</Checkbox>
        </Form.Item>
        <Form.Item noStyle dependencies={['consentWhatsapp', 'consentMarketing']}>
          {({ getFieldValue }) =>
            getFieldValue('consentWhatsapp') || getFieldValue('consentMarketing') ? (
              <Form.Item
                label="How they gave it"
                name="consentChannel"
                rules={[{ required: true, message: 'How did the person give their consent?' }]}
                style={{ maxWidth: 320, marginBottom: 0 }}
              >
                <Select options={CONSENT_CHANNEL_OPTIONS} aria-label="How they gave their consent" />
              </Form.Item>
            ) : null
          }
        </Form.Item>
      </fieldset>
    </Col>
  );
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
      initialValues={mode === 'create' ? { source: 'walk_in', consentChannel: 'in_person', ...formProps.initialValues } : formProps.initialValues}
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
        {mode === 'create' && <ConsentFields />}
      </Row>
    </Form>
  );
}
