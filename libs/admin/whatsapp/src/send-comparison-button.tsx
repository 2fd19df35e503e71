import { useState } from 'react';
import { useOne } from '@refinedev/core';
import { CheckOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import type { LeadDetailView } from '@advisordesk/shared';
import { useWhatsappConnection, type ApiRequestError } from '@advisordesk/admin-data';
import { whyNotSendable } from './conversation-text';
import { useSendWhatsapp } from './whatsapp-api';

/**
 * "Send on WhatsApp" for a comparison just created: AdvisorDesk sends the comparison template
 * itself. Not connected, or no consent: the button stays, disabled, with the reason under it.
 */
export function SendComparisonOnWhatsapp({ leadId, comparisonId }: { leadId: string; comparisonId: string }) {
  const { message } = App.useApp();
  const connection = useWhatsappConnection();
  const { result: lead } = useOne<LeadDetailView, ApiRequestError>({ resource: 'leads', id: leadId, errorNotification: false });
  const send = useSendWhatsapp(leadId);
  const [queued, setQueued] = useState(false);
  const blocked = connection.isLoading || !lead ? null : whyNotSendable(connection.data?.data, lead);

  return (
    // Blocked: the button and its reason take a row of their own, today's links stay together below.
    <Flex vertical align="flex-start" gap={4} style={blocked ? { flexBasis: '100%' } : undefined} data-testid="send-on-whatsapp">
      <Button
        type="primary"
        icon={queued ? <CheckOutlined /> : <WhatsAppOutlined />}
        disabled={Boolean(blocked) || !lead || queued}
        loading={send.isPending}
        style={blocked || queued ? undefined : { background: '#1f8f4e' }}
        onClick={() =>
          send.mutate(
            { comparisonId },
            {
              onSuccess: () => {
                setQueued(true);
                message.success('Sending on WhatsApp: the conversation on the lead’s page shows when it arrives');
              },
              onError: (error) => message.error(error.message),
            },
          )
        }
      >
        {queued ? 'Sent to WhatsApp' : 'Send on WhatsApp'}
      </Button>
      {blocked && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="send-on-whatsapp-reason">
          {blocked}
        </Typography.Text>
      )}
    </Flex>
  );
}
