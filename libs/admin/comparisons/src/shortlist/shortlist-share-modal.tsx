import { Suspense } from 'react';
import { LinkOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Space, Typography } from 'antd';
import { formatIstDateTime, type ComparisonShare } from '@advisordesk/shared';
import { CopyField, useAreaSlots } from '@advisordesk/admin-ui';

/**
 * The comparison just created: its link and WhatsApp message, each with a Copy button, "Open
 * WhatsApp", and (placed by the shell) "Send on WhatsApp" through the Business Platform.
 */
export function ShareComparisonModal({ share, leadId, onClose }: { share: ComparisonShare | null; leadId: string | undefined; onClose: () => void }) {
  const { comparisonSend: ComparisonSend } = useAreaSlots();
  return (
    <Modal
      open={!!share}
      onCancel={onClose}
      title="Comparison ready to send"
      footer={
        <Button type="primary" onClick={onClose}>
          Done
        </Button>
      }
      destroyOnHidden
    >
      {share && (
        <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="comparison-share">
          <div>
            <CopyField title="Link" fieldLabel="Comparison link" value={share.url} display="input" copyLabel="Copy link" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Works without a login until {formatIstDateTime(share.expiresAt)}. It shows the fees as they are now, even if they change later.
            </Typography.Text>
          </div>
          <CopyField title="WhatsApp message" value={share.message} display="text" copyLabel="Copy message" />
          <Flex gap={8} wrap align="flex-start">
            {ComparisonSend && leadId && (
              <Suspense fallback={null}>
                <ComparisonSend leadId={leadId} comparisonId={share.id} />
              </Suspense>
            )}
            <Button icon={<LinkOutlined />} href={share.url} target="_blank" rel="noopener noreferrer">
              Preview
            </Button>
            <Button
              type="primary"
              icon={<WhatsAppOutlined />}
              href={share.whatsappUrl}
              target="_blank"
              rel="noopener noreferrer"
              style={{ background: '#1f8f4e' }}
            >
              Open WhatsApp
            </Button>
          </Flex>
        </Space>
      )}
    </Modal>
  );
}
