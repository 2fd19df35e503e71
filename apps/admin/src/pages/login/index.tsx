import { useEffect, useState } from 'react';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { LoginBody } from '@advisordesk/shared';
import { toHttpError, type ApiRequestError } from '@advisordesk/admin-data';
import { BRAND } from '@advisordesk/admin-ui';
import { BrandMark, BrandName } from '../../components/brand';
import { signInWithPassword } from '../../providers/sign-in';

/** `95` → `2 minutes`; `40` → `40 seconds`. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return trimmed[0].toUpperCase() + trimmed.slice(1) + (/[.!?]$/.test(trimmed) ? '' : '.');
};

function describe(error: ApiRequestError): { title: string; detail?: string } {
  if (error.statusCode === 429) {
    const detail = error.retryAfterSeconds
      ? `For your security, signing in is paused. Try again in ${waitText(error.retryAfterSeconds)}.`
      : sentence(error.message);
    return { title: 'Too many sign-in attempts', detail };
  }
  if (error.statusCode === 401) return { title: sentence(error.message || 'The email or password is wrong') };
  if (error.statusCode === 400) return { title: 'Check the email and password', detail: sentence(error.message) };
  if (!error.statusCode) return { title: sentence(error.message) };
  return { title: 'Could not sign you in', detail: sentence(error.message) };
}

// Shown only by the development server; the production build never lists demo passwords.
const DEMO_HINT = import.meta.env.DEV
  ? [
      'admin@advisordesk.local / Admin@12345',
      'manager@advisordesk.local / Manager@12345',
      'advisor@advisordesk.local / Advisor@12345',
      'marketing@advisordesk.local / Marketing@12345',
    ]
  : null;

export interface SignInPageProps {
  /** Starts loading the panel's code when the form is sent, while the API checks the password. */
  onSubmit?: () => void;
  /** Opens the panel once signed in; until it settles the button shows that signing in is under way, and its failure shows like a sign-in error. */
  onSignedIn: () => Promise<void>;
}

/**
 * The sign-in page. It runs before the rest of the panel loads (main.tsx), so it uses no Refine
 * hook: it signs in through `signInWithPassword`, then `onSignedIn` loads the panel. Errors show
 * beside the form, not as a notice.
 */
export default function SignInPage({ onSubmit, onSignedIn }: SignInPageProps) {
  const [form] = Form.useForm<LoginBody>();
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    document.title = 'Sign in · AdvisorDesk';
  }, []);

  const onFinish = async (values: LoginBody) => {
    setError(null);
    setPending(true);
    onSubmit?.();
    try {
      await signInWithPassword(values);
      await onSignedIn();
    } catch (failure) {
      setError(toHttpError(failure));
      setPending(false);
    }
  };

  const shown = error ? describe(error) : null;

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: '32px 16px',
        background: `linear-gradient(160deg, #e8eef5 0%, ${BRAND.canvas} 55%, #e6f2f1 100%)`,
      }}
    >
      <div style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 12, marginBottom: 8 }}>
          <BrandMark size={40} />
          <h1 style={{ margin: 0, lineHeight: 1 }}>
            <BrandName fontSize={28} />
          </h1>
        </div>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          Leads, follow-ups and course comparisons for your advisory team
        </Typography.Paragraph>

        <Card styles={{ body: { padding: '28px 24px 8px' } }} style={{ boxShadow: '0 6px 24px rgba(31, 78, 121, 0.08)' }}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 20 }}>
            Sign in
          </Typography.Title>
          {shown && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="login-error"
              message={shown.title}
              description={shown.detail}
              style={{ marginBottom: 20 }}
            />
          )}
          <Form<LoginBody> form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={isPending} autoComplete="on">
            <Form.Item
              label="Email"
              name="email"
              rules={[
                { required: true, message: 'Enter your work email' },
                { type: 'email', message: 'Enter an email address like name@example.com' },
              ]}
            >
              <Input
                prefix={<MailOutlined />}
                type="email"
                inputMode="email"
                autoComplete="username"
                placeholder="name@example.com"
                size="large"
                autoFocus
              />
            </Form.Item>
            <Form.Item label="Password" name="password" rules={[{ required: true, message: 'Enter your password' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
                Sign in
              </Button>
            </Form.Item>
          </Form>
        </Card>

        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 13 }}>
          Forgotten your password? Ask an administrator of your team to set a new one.
        </Typography.Paragraph>

        {DEMO_HINT && (
          <Alert
            type="info"
            message="Demo sign-ins (development server only)"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {DEMO_HINT.map((line) => (
                  <li key={line}>
                    <Typography.Text code copyable>
                      {line}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </div>
    </main>
  );
}
