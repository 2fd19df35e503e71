import { useState } from 'react';
import { LinkOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { formatIstDateTime, UPLOAD_LINK_VALID_DAYS, type ApplicationView, type UploadLinkView } from '@advisordesk/shared';
import { CopyField } from '@advisordesk/admin-ui';
import { useCreateUploadLink } from '../applications-api';

/** "Student upload link": a link the student opens on their phone to send what is missing; copy it or send it on WhatsApp. */
export function UploadLink({ application }: { application: ApplicationView }) {
  const { message } = App.useApp();
  const create = useCreateUploadLink(application);
  const [link, setLink] = useState<UploadLinkView | null>(null);

  if (!link) {
    return (
      <Button
        icon={<LinkOutlined />}
        loading={create.isPending}
        onClick={() => create.mutate(undefined, { onSuccess: setLink, onError: (error) => message.error(error.message) })}
        data-testid="create-upload-link"
      >
        Student upload link
      </Button>
    );
  }
  return (
    <div style={{ width: '100%' }} data-testid="upload-link">
      <CopyField
        title="Student upload link"
        value={link.url}
        display="input"
        copyLabel="Copy link"
        description={`The student opens it on their phone and sends what is still missing. It works for ${UPLOAD_LINK_VALID_DAYS} days.`}
        testId="upload-link-field"
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        {link.whatsappUrl && (
          <Button
            icon={<WhatsAppOutlined style={{ color: '#25D366' }} />}
            href={link.whatsappUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="upload-link-whatsapp"
          >
            Open WhatsApp
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="upload-link-expiry">
          Expires {formatIstDateTime(link.expiresAt)}
        </Typography.Text>
      </Flex>
    </div>
  );
}
