import { useState } from 'react';
import { useGo } from '@refinedev/core';
import { DeleteOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Modal, Select, Space, Typography } from 'antd';
import { useApiMutation, useRefreshLead } from '@advisordesk/admin-data';
import type { AssignBody, LeadView } from '@advisordesk/shared';
import { leadPath } from '../lead-data';
import { useAdvisors } from '@advisordesk/admin-data';

function EraseButton({ lead }: { lead: LeadView }) {
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const refreshLead = useRefreshLead();
  const { notification } = App.useApp();
  const go = useGo();
  const erase = useApiMutation<LeadView>({
    request: () => ({ path: leadPath(lead.id, 'erase'), method: 'post' }),
    onSuccess: async () => {
      setOpen(false);
      await refreshLead(lead.id);
      notification.success({ message: 'Personal data erased', description: 'The lead stays in anonymous counts only.' });
      go({ to: '/leads' });
    },
    onError: (error) => notification.error({ message: 'Could not erase', description: error.message }),
  });
  return (
    <>
      <Button
        danger
        icon={<DeleteOutlined />}
        onClick={() => {
          setConfirmed(false);
          setOpen(true);
        }}
      >
        Erase personal data…
      </Button>
      <Modal
        open={open}
        title={`Erase ${lead.fullName}’s personal data?`}
        okText="Erase for good"
        okButtonProps={{ danger: true, disabled: !confirmed, loading: erase.isPending }}
        cancelText="Cancel"
        onOk={() => erase.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Alert
          type="error"
          showIcon
          message="This cannot be undone"
          description="Name, phone, email, city, course interest, notes, call notes, messages and form submissions are erased; follow-ups are deleted. Only anonymous counts remain for reports (status, dates, source, campaign)."
          style={{ marginBottom: 12 }}
        />
        <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
          The person asked for their data to be erased (India’s DPDP Act)
        </Checkbox>
      </Modal>
    </>
  );
}

/** For managers and admins: hand the lead to another advisor, or erase it on the person's request. */
export function ManagerActions({ lead }: { lead: LeadView }) {
  const { data: advisors = [], isLoading } = useAdvisors(true);
  const [advisorId, setAdvisorId] = useState<string | undefined>();
  const refreshLead = useRefreshLead();
  const { message, notification } = App.useApp();
  const assign = useApiMutation<LeadView, string>({
    request: (advisorId) => ({ path: leadPath(lead.id, 'assign'), method: 'post', values: { advisorId } satisfies AssignBody }),
    onSuccess: async (updated) => {
      setAdvisorId(undefined);
      await refreshLead(lead.id);
      message.success(`${lead.fullName} is now with ${updated.advisorName ?? 'the new advisor'}`);
    },
    onError: (error) => notification.error({ message: 'Could not assign', description: error.message }),
  });
  if (lead.erasedAt) return null;
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <UserSwitchOutlined />
          Assignment
        </Space>
      }
      data-testid="lead-assignment"
    >
      <Typography.Paragraph style={{ marginTop: 0 }}>
        With <Typography.Text strong>{lead.advisorName ?? 'nobody yet'}</Typography.Text>
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Select
          value={advisorId}
          onChange={setAdvisorId}
          loading={isLoading}
          placeholder="Choose an advisor"
          aria-label="Assign to advisor"
          showSearch
          optionFilterProp="label"
          options={advisors.filter((a) => a.id !== lead.advisorId).map((a) => ({ value: a.id, label: a.name }))}
          style={{ flex: '1 1 180px', minWidth: 0 }}
        />
        <Button type="primary" disabled={!advisorId} loading={assign.isPending} onClick={() => advisorId && assign.mutate(advisorId)}>
          Assign
        </Button>
      </Flex>
      <div style={{ marginTop: 16, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
        <EraseButton lead={lead} />
      </div>
    </Card>
  );
}
