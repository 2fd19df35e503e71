import { CopyOutlined, LinkOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Space, Typography } from 'antd';
import { formatIstDateTime } from '@advisordesk/shared';
import type { ComparisonShare } from './shortlist-api';

/** Copies text, also where the async clipboard is not allowed (plain http on a LAN, older browsers). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.body.removeChild(area);
  }
}

/** The comparison just created: its link and WhatsApp message, each with a Copy button, and "Open WhatsApp". */
export function ShareComparisonModal({ share, onClose }: { share: ComparisonShare | null; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async (text: string, what: string) => {
    if (await copyText(text)) message.success(`${what} copied`);
    else message.error(`Could not copy the ${what.toLowerCase()}: select it and copy it yourself`);
  };
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
            <Typography.Text strong>Link</Typography.Text>
            <Flex gap={8} style={{ marginTop: 4 }}>
              <Input value={share.url} readOnly aria-label="Comparison link" onFocus={(event) => event.target.select()} style={{ flex: 1, minWidth: 0 }} />
              <Button icon={<CopyOutlined />} onClick={() => copy(share.url, 'Link')}>
                Copy link
              </Button>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Works without a login until {formatIstDateTime(share.expiresAt)}. It shows the fees as they are now, even if they change later.
            </Typography.Text>
          </div>
          <div>
            <Typography.Text strong>WhatsApp message</Typography.Text>
            <Input.TextArea value={share.message} readOnly autoSize={{ minRows: 3, maxRows: 8 }} aria-label="WhatsApp message" style={{ marginTop: 4 }} />
          </div>
          <Flex gap={8} wrap>
            <Button icon={<CopyOutlined />} onClick={() => copy(share.message, 'Message')}>
              Copy message
            </Button>
            <Button icon={<LinkOutlined />} href={share.url} target="_blank" rel="noopener noreferrer">
              Preview
            </Button>
            <Button type="primary" icon={<WhatsAppOutlined />} href={share.whatsappUrl} target="_blank" rel="noopener noreferrer" style={{ background: '#1f8f4e' }}>
              Open WhatsApp
            </Button>
          </Flex>
        </Space>
      )}
    </Modal>
  );
}
