import { useEffect, useState, type ReactNode } from 'react';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Typography } from 'antd';

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

const CODE_STYLE = {
  margin: 0,
  padding: '10px 12px',
  background: '#f6f8fa',
  border: '1px solid #e5e7eb',
  borderRadius: 6,
  fontSize: 13,
  lineHeight: 1.5,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

export interface CopyFieldProps {
  /** The heading beside the copy button; also names the copied thing ("Link copied"). */
  title: string;
  value: string;
  /** `input`: one line (a link); `text`: a message; `code`: a snippet to paste into a website. */
  display: 'input' | 'text' | 'code';
  /** The copy button's words. */
  copyLabel: string;
  /** The copy button's accessible name, where its words alone would be ambiguous. */
  copyAriaLabel?: string;
  /** The value's accessible name; the title if not given. */
  fieldLabel?: string;
  /** Shown between the heading and the value. */
  description?: ReactNode;
  testId?: string;
}

/** A read-only value under a heading, with a button that copies it and says so ("Copied" for two seconds). */
export function CopyField({ title, value, display, copyLabel, copyAriaLabel, fieldLabel = title, description, testId }: CopyFieldProps) {
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    if (await copyText(value)) {
      setCopied(true);
      message.success(`${title} copied`);
    } else {
      message.error(`Could not copy: select the ${display === 'code' ? 'code' : 'text'} and copy it yourself`);
    }
  };

  return (
    <div data-testid={testId}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {/* The accessible name stays the same while the words say "Copied". */}
        <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={copy} aria-label={copyAriaLabel ?? copyLabel}>
          {copied ? 'Copied' : copyLabel}
        </Button>
      </Flex>
      {description && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {description}
        </Typography.Paragraph>
      )}
      <div style={{ marginTop: 8 }}>
        {display === 'input' && <Input value={value} readOnly aria-label={fieldLabel} onFocus={(event) => event.target.select()} />}
        {display === 'text' && <Input.TextArea value={value} readOnly autoSize={{ minRows: 3, maxRows: 8 }} aria-label={fieldLabel} />}
        {display === 'code' && (
          <pre tabIndex={0} aria-label={fieldLabel} style={CODE_STYLE}>
            <code>{value}</code>
          </pre>
        )}
      </div>
    </div>
  );
}
