import { Form, Input, Select, type FormProps } from 'antd';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  normalisePhone,
  PASSWORD_MIN_LENGTH,
  PHONE_MESSAGES,
  ROLE_LABELS,
  ROLES,
  type CreateUserBody,
  type Role,
  type UpdateUserBody,
} from '@advisordesk/shared';
import { optionsOf } from '@advisordesk/admin-ui';

/** What the form holds and sends: a new user (`CreateUserBody`), or an edit whose password may stay blank (`UpdateUserBody`). */
export type UserFormValues = Pick<CreateUserBody, 'name' | 'email' | 'role' | 'phone'> & Pick<UpdateUserBody, 'password'>;

export const ROLE_OPTIONS = optionsOf(ROLES, ROLE_LABELS);

const ROLE_HELP: Record<Role, string> = {
  admin: 'Everything, including users',
  manager: 'All leads, assignment, catalogue and reports',
  advisor: 'Their own leads, shortlists and comparisons',
  marketing: 'Consented lead exports and campaign figures',
};

/** An optional mobile number, as the leads' phones are checked (the API stores it as E.164). */
const phoneRule = {
  validator: (_: unknown, value: string | null | undefined) =>
    !value?.trim() || normalisePhone(value).ok ? Promise.resolve() : Promise.reject(new Error(PHONE_MESSAGES.invalid.replace(/^phone/, 'Phone'))),
};

/** What the API should receive: a blank "new password" on edit means "keep the current one"; a blank phone is none. */
export function cleanUserValues(values: UserFormValues): UserFormValues {
  const out: UserFormValues = { ...values, name: values.name?.trim(), email: values.email?.trim(), phone: values.phone?.trim() || null };
  if (!out.password) delete out.password;
  return out;
}

/**
 * The add/edit user form. Rules here catch the obvious; the API's answer is authoritative and its
 * field messages (e.g. an email already in use) appear under the fields through Refine's useForm.
 */
export function UserForm({ formProps, mode, isSelf }: { formProps: FormProps<UserFormValues>; mode: 'create' | 'edit'; isSelf?: boolean }) {
  return (
    <Form<UserFormValues>
      {...formProps}
      name={`user-${mode}`}
      layout="vertical"
      requiredMark="optional"
      onFinish={(values) => formProps.onFinish?.(cleanUserValues(values))}
      initialValues={mode === 'create' ? { role: 'advisor', ...formProps.initialValues } : formProps.initialValues}
    >
      <Form.Item
        label="Full name"
        name="name"
        rules={[
          { required: true, whitespace: true, message: 'Enter the person’s name' },
          { max: NAME_MAX_LENGTH, message: `Keep the name under ${NAME_MAX_LENGTH} characters` },
        ]}
      >
        <Input autoComplete="off" placeholder="e.g. Priya Sharma" />
      </Form.Item>
      <Form.Item
        label="Work email"
        name="email"
        rules={[
          { required: true, message: 'Enter an email address' },
          { type: 'email', message: 'Enter an email address like name@example.com' },
          { max: EMAIL_MAX_LENGTH, message: 'This email is too long' },
        ]}
      >
        <Input type="email" autoComplete="off" inputMode="email" placeholder="name@example.com" />
      </Form.Item>
      <Form.Item
        label="Mobile number"
        name="phone"
        rules={[phoneRule]}
        extra="Students see it on the comparisons this person sends (WhatsApp and call). Blank: the service number is shown."
      >
        <Input type="tel" inputMode="tel" autoComplete="off" placeholder="98765 43210" />
      </Form.Item>
      <Form.Item
        label="Role"
        name="role"
        rules={[{ required: true, message: 'Choose a role' }]}
        extra={isSelf ? 'Nobody can change their own role.' : undefined}
      >
        <Select
          disabled={isSelf}
          options={ROLE_OPTIONS.map((option) => ({
            ...option,
            label: (
              <span>
                {option.label} <span style={{ color: 'rgba(0,0,0,0.45)' }}>· {ROLE_HELP[option.value]}</span>
              </span>
            ),
          }))}
          labelRender={({ value }) => ROLE_LABELS[value as Role] ?? String(value)}
          aria-label="Role"
        />
      </Form.Item>
      <Form.Item
        label={mode === 'create' ? 'Password' : 'New password'}
        name="password"
        extra={
          mode === 'create'
            ? `At least ${PASSWORD_MIN_LENGTH} characters. Share it privately; they can sign in at once.`
            : 'Leave blank to keep the current password. Setting one signs the person out everywhere.'
        }
        rules={[
          ...(mode === 'create' ? [{ required: true, message: 'Set a first password' }] : []),
          { min: PASSWORD_MIN_LENGTH, message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}
