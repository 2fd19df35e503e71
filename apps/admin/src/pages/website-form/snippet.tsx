import { useState, type ReactNode } from 'react';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';

/** Copies text, also where the Clipboard API is missing (a panel served over plain http). */
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
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** A snippet to paste into the website, shown as code, with a copy button. */
export function Snippet({ title, description, code, copyLabel, testId }: { title: string; description: ReactNode; code: string; copyLabel: string; testId: string }) {
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (await copyText(code)) {
      setCopied(true);
      message.success(`${title} copied`);
      window.setTimeout(() => setCopied(false), 2000);
    } else {
      message.error('Could not copy: select the code and copy it yourself');
    }
  };
  return (
    <div data-testid={testId}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={copy} aria-label={copyLabel}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        {description}
      </Typography.Paragraph>
      <pre
        tabIndex={0}
        aria-label={title}
        style={{
          margin: 0,
          padding: '10px 12px',
          background: '#f6f8fa',
          border: '1px solid #e5e7eb',
          borderRadius: 6,
          fontSize: 13,
          lineHeight: 1.5,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
