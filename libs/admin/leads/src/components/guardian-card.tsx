import { useState } from 'react';
import { CheckCircleFilled, PhoneOutlined, SendOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import {
  formatIstDateTime,
  formatPhone,
  NOTE_MAX_LENGTH,
  VERIFICATION_CODE_LENGTH,
  type GuardianVerifyBody,
  type GuardianCodeSent,
  type LeadDetailView,
} from '@advisordesk/shared';
import { useApiMutation, useRefreshLead, type ApiRequestError } from '@advisordesk/admin-data';
import { leadPath } from '../lead-data';

/** The API's answer when WhatsApp is not connected: only a recorded call can verify the guardian. */
const NO_GUARDIAN_CHANNEL = 'privacy.noGuardianChannel';

/** "Record a call": staff called the guardian and the guardian confirmed their consent. */
function RecordCall({ lead, open, onClose }: { lead: LeadDetailView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message, notification } = App.useApp();
  const refreshLead = useRefreshLead();
  const verify = useApiMutation<LeadDetailView, GuardianVerifyBody>({
    request: (values) => ({ path: leadPath(lead.id, 'guardian/verify'), method: 'post', values }),
    onSuccess: async () => {
      await refreshLead(lead.id);
      message.success('Guardian verified by call');
      onClose();
    },
    onError: (error) => notification.error({ message: 'Could not record the call', description: error.message }),
  });
  return (
    <Modal
      open={open}
      title="Record a call with the guardian"
      okText="Record and verify"
      cancelText="Cancel"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: verify.isPending }}
      destroyOnHidden
    >
      <Form<{ note: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        onFinish={({ note }) => verify.mutate({ call: true, note: note.trim() })}
        name="guardian-call"
      >
        <Typography.Paragraph type="secondary">
          Call {lead.guardianName ?? 'the guardian'}
          {lead.guardianPhone ? ` on ${formatPhone(lead.guardianPhone)}` : ''}, confirm who they are and that they consent to AdvisorDesk holding and
          using {lead.fullName.split(/\s+/)[0]}’s details.
        </Typography.Paragraph>
        <Form.Item
          label="Note"
          name="note"
          rules={[{ required: true, whitespace: true, message: 'Write who you spoke to and what they confirmed' }]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={NOTE_MAX_LENGTH}
            placeholder="e.g. Spoke to the mother, Anita Rao, at 4:10 pm; she confirmed and consents"
            aria-label="Note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Sending a code to the guardian's WhatsApp, and checking the code they read back. */
function CodeVerification({ lead }: { lead: LeadDetailView }) {
  const { message } = App.useApp();
  const refreshLead = useRefreshLead();
  const [sent, setSent] = useState<GuardianCodeSent | null>(null);
  const [noChannel, setNoChannel] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const send = useApiMutation<GuardianCodeSent>({
    request: () => ({ path: leadPath(lead.id, 'guardian/code'), method: 'post' }),
    onSuccess: (answer) => {
      setSent(answer);
      setNoChannel(false);
      message.success('Code sent to the guardian on WhatsApp');
    },
    onError: (error) => {
      if (error.code === NO_GUARDIAN_CHANNEL) setNoChannel(true);
      else message.error(error.message);
    },
  });
  const verify = useApiMutation<LeadDetailView, GuardianVerifyBody>({
    request: (values) => ({ path: leadPath(lead.id, 'guardian/verify'), method: 'post', values }),
    onSuccess: async () => {
      await refreshLead(lead.id);
      message.success('Guardian verified');
    },
    onError: (error: ApiRequestError) => setCodeError(([] as string[]).concat((error.errors?.code as string[] | undefined) ?? error.message)[0]),
  });
  const submitCode = () => {
    const typed = code.replace(/\s+/g, '');
    if (!new RegExp(`^\\d{${VERIFICATION_CODE_LENGTH}}$`).test(typed)) {
      setCodeError(`The code has ${VERIFICATION_CODE_LENGTH} digits`);
      return;
    }
    setCodeError(null);
    verify.mutate({ code: typed });
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {noChannel ? (
        <Alert
          type="info"
          showIcon
          message="WhatsApp is not connected, so no code can be sent"
          description="Call the guardian and record the call instead."
          data-testid="guardian-no-channel"
        />
      ) : (
        <Button
          icon={<SendOutlined />}
          onClick={() => send.mutate()}
          loading={send.isPending}
          disabled={!lead.guardianPhone}
          title={lead.guardianPhone ? undefined : 'Add the guardian’s phone to the profile first'}
          data-testid="guardian-send-code"
        >
          {sent ? 'Send a new code' : 'Send code to guardian'}
        </Button>
      )}
      {sent && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="guardian-code-sent">
          Sent on WhatsApp to {formatPhone(lead.guardianPhone)}; it works until {formatIstDateTime(sent.expiresAt)}.
        </Typography.Text>
      )}
      {!noChannel && (
        <div>
          <Flex gap={8} wrap>
            <Input
              value={code}
              onChange={(event) => {
                setCode(event.target.value);
                setCodeError(null);
              }}
              onPressEnter={submitCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={VERIFICATION_CODE_LENGTH + 2}
              placeholder={`${VERIFICATION_CODE_LENGTH}-digit code`}
              aria-label="Code the guardian read back"
              status={codeError ? 'error' : undefined}
              style={{ flex: '1 1 140px', minWidth: 0, maxWidth: 200 }}
              data-testid="guardian-code"
            />
            <Button type="primary" onClick={submitCode} loading={verify.isPending} disabled={!code.trim()} data-testid="guardian-verify-code">
              Verify code
            </Button>
          </Flex>
          {codeError && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} role="alert">
              {codeError}
            </Typography.Text>
          )}
        </div>
      )}
    </Space>
  );
}

/**
 * A minor's guardian: whether their consent is verified (a code the guardian read back, or a call
 * staff recorded), and, until it is, the ways to verify it. An unverified minor's lead is
 * contact-only: the API sends them no WhatsApp message, leaves them out of exports and refuses
 * comparisons.
 */
export function GuardianCard({ lead, names, canVerify }: { lead: LeadDetailView; names: Map<string, string>; canVerify: boolean }) {
  const [calling, setCalling] = useState(false);
  const guardian = (
    <Typography.Text data-testid="guardian-contact">
      <UserOutlined /> {lead.guardianName ?? 'Guardian not named'}
      {lead.guardianPhone ? ` · ${formatPhone(lead.guardianPhone)}` : ' · no phone'}
    </Typography.Text>
  );

  if (lead.guardianVerifiedAt) {
    const by = lead.guardianVerifiedById ? (names.get(lead.guardianVerifiedById) ?? 'a colleague') : 'a colleague';
    return (
      <Card size="small" title="Guardian" data-testid="guardian-card" data-verified="true">
        <Space direction="vertical" size={6} style={{ width: '100%' }}>
          <Typography.Text style={{ color: '#2e7d5b' }} strong>
            <CheckCircleFilled /> Guardian’s consent: verified
          </Typography.Text>
          {guardian}
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="guardian-verified">
            {formatIstDateTime(lead.guardianVerifiedAt)} (IST), by {by}
          </Typography.Text>
        </Space>
      </Card>
    );
  }

  return (
    <Card size="small" title="Guardian" data-testid="guardian-card" data-verified="false">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          message="Guardian’s consent: not verified"
          description="Contact-only: no WhatsApp, exports or comparisons until the guardian is verified."
        />
        {guardian}
        {canVerify && (
          <>
            <CodeVerification lead={lead} />
            <div>
              <Button icon={<PhoneOutlined />} onClick={() => setCalling(true)} data-testid="guardian-record-call">
                Record a call
              </Button>
            </div>
            <RecordCall lead={lead} open={calling} onClose={() => setCalling(false)} />
          </>
        )}
      </Space>
    </Card>
  );
}
