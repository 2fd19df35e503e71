import { useMemo, useState } from 'react';
import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Select, Tabs, Typography } from 'antd';
import {
  EIGHTH_SCHEDULE_LANGUAGES,
  missingNoticeParts,
  NOTICE_LIMITS,
  NOTICE_PART_LABELS,
  noticeLanguage,
  noticePartLabel,
  type NoticeTexts,
} from '@advisordesk/shared';
import type { NoticeFormValues } from './settings';

type TextPart = Exclude<keyof NoticeTexts, 'data' | 'purposes'>;
type ListPart = 'data' | 'purposes';

const capitalised = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

const HINTS: Record<keyof NoticeTexts, string> = {
  text: 'Who asks for the data and why, in plain words.',
  data: 'One item of personal data a line, as the form collects it.',
  purposes: 'One purpose a line, with the service it enables.',
  withdrawal: 'How a person withdraws consent, as easily as they gave it.',
  rights: 'How to ask for a summary, correction, erasure, an answer to a grievance, or to nominate someone.',
  board: 'How to complain to the Data Protection Board of India.',
};

const BLANK_TEXTS: NoticeTexts = { text: '', data: [''], purposes: [''], withdrawal: '', rights: '', board: '' };

/** One list of the notice (the data it covers, its purposes): one item a row. */
function NoticeItems({ name, part, language }: { name: (string | number)[]; part: ListPart; language: string }) {
  const label = capitalised(NOTICE_PART_LABELS[part]);
  return (
    <Form.Item label={label} extra={HINTS[part]} required>
      <Form.List name={name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => (
              <Flex key={row.key} gap={8} align="start">
                <Form.Item
                  name={row.name}
                  style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                  rules={[{ max: NOTICE_LIMITS.item, message: `Keep each item under ${NOTICE_LIMITS.item} characters` }]}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={`${label} ${index + 1}`} lang={language} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={`Remove ${label.toLowerCase()} ${index + 1}`} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={rows.length >= NOTICE_LIMITS.items} block>
              Add {part === 'data' ? 'an item of data' : 'a purpose'}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The notice's texts in one language: the English base (`prefix` = notice) or a translation. */
function NoticeTextsFields({ prefix, language }: { prefix: (string | number)[]; language: string }) {
  const rtl = noticeLanguage(language)?.rtl;
  const text = (part: TextPart, max: number, rows: number) => (
    <Form.Item
      label={capitalised(NOTICE_PART_LABELS[part])}
      extra={HINTS[part]}
      name={[...prefix, part]}
      required
      rules={[{ max, message: `Keep it under ${max} characters` }]}
    >
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={max} lang={language} dir={rtl ? 'rtl' : undefined} />
    </Form.Item>
  );
  return (
    <>
      {text('text', NOTICE_LIMITS.text, 3)}
      <NoticeItems name={[...prefix, 'data']} part="data" language={language} />
      <NoticeItems name={[...prefix, 'purposes']} part="purposes" language={language} />
      {text('withdrawal', NOTICE_LIMITS.part, 2)}
      {text('rights', NOTICE_LIMITS.part, 2)}
      {text('board', NOTICE_LIMITS.part, 2)}
    </>
  );
}

/**
 * The consent notice's parts (DPDP Rules 2025, rule 3): the contact person, the English notice and
 * a tab per translation; what a complete notice still lacks is listed above them.
 */
export function NoticeEditor() {
  const form = Form.useFormInstance();
  const notice = Form.useWatch<NoticeFormValues | undefined>('notice', { form, preserve: true });
  const languages = useMemo(() => Object.keys(notice?.translations ?? {}), [notice?.translations]);
  const [active, setActive] = useState('en');
  const [adding, setAdding] = useState<string>();
  const missing = useMemo(() => (notice ? missingNoticeParts(notice) : []), [notice]);
  // The contact is no language's: its fields show their own errors.
  const incomplete = (code: string) =>
    missing.some((path) => (code === 'en' ? !/^(translations|contact)\./.test(path) : path.startsWith(`translations.${code}.`)));

  const addLanguage = () => {
    if (!adding) return;
    form.setFieldValue(['notice', 'translations', adding], { ...BLANK_TEXTS });
    setActive(adding);
    setAdding(undefined);
  };
  const removeLanguage = (code: string) => {
    const { [code]: _, ...rest } = form.getFieldValue(['notice', 'translations']) as Record<string, NoticeTexts>;
    form.setFieldValue(['notice', 'translations'], rest);
    setActive('en');
  };

  const tabLabel = (code: string) => {
    const language = noticeLanguage(code);
    const name = code === 'en' ? 'English' : `${language?.nativeName ?? code} (${language?.name ?? code})`;
    return incomplete(code) ? (
      <span>
        <WarningOutlined style={{ color: '#d46b08' }} aria-label="incomplete" /> {name}
      </span>
    ) : (
      name
    );
  };

  return (
    <>
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="notice-missing"
          message="The notice is incomplete: it cannot be saved until it says every part"
          description={`Missing: ${missing.map(noticePartLabel).join('; ')}.`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Whom to contact
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        The person who answers questions, rights requests and grievances about personal data for your organisation.
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        <Form.Item
          label="Contact person's name"
          name={['notice', 'contact', 'name']}
          style={{ flex: '1 1 200px' }}
          rules={[{ required: true, whitespace: true, message: 'Name the person people contact about their data' }]}
        >
          <Input autoComplete="off" maxLength={NOTICE_LIMITS.contactName} />
        </Form.Item>
        <Form.Item
          label="Contact person's email"
          name={['notice', 'contact', 'email']}
          style={{ flex: '1 1 200px' }}
          rules={[
            { required: true, whitespace: true, message: 'Enter the email people write to about their data' },
            { type: 'email', message: 'Enter an email address like privacy@example.in' },
          ]}
        >
          <Input type="email" inputMode="email" autoComplete="off" maxLength={NOTICE_LIMITS.contactEmail} />
        </Form.Item>
        <Form.Item
          label="Contact person's phone"
          name={['notice', 'contact', 'phone']}
          style={{ flex: '1 1 160px' }}
          rules={[
            { required: true, whitespace: true, message: 'Enter the phone number people call about their data' },
            { pattern: /^\+?\d[\d ()-]{5,}$/, message: 'Enter a phone number like +91 98765 43210' },
          ]}
        >
          <Input type="tel" inputMode="tel" autoComplete="off" maxLength={NOTICE_LIMITS.contactPhone} />
        </Form.Item>
      </Flex>
      <Form.Item
        label="Link to the full notice"
        name={['notice', 'url']}
        rules={[{ type: 'url', message: 'Enter a web address like https://www.example.in/privacy' }]}
      >
        <Input placeholder="https://www.example.in/privacy" inputMode="url" autoComplete="off" />
      </Form.Item>

      <Typography.Title level={5}>The notice, by language</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        People pick the language on the form; each lead keeps the language its consent was given in.
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select
          style={{ flex: '1 1 220px' }}
          placeholder="A language of the Eighth Schedule"
          aria-label="Language to add"
          value={adding}
          onChange={setAdding}
          showSearch
          optionFilterProp="label"
          options={EIGHTH_SCHEDULE_LANGUAGES.filter((l) => !languages.includes(l.code)).map((l) => ({
            value: l.code,
            label: `${l.name} — ${l.nativeName}`,
          }))}
        />
        <Button icon={<PlusOutlined />} onClick={addLanguage} disabled={!adding}>
          Add language
        </Button>
      </Flex>
      <Tabs
        activeKey={languages.includes(active) ? active : 'en'}
        onChange={setActive}
        items={['en', ...languages].map((code) => ({
          key: code,
          label: tabLabel(code),
          forceRender: true,
          children: (
            <>
              {code !== 'en' && code !== 'hi' && (
                <Flex justify="end">
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => removeLanguage(code)}>
                    Remove {noticeLanguage(code)?.name ?? code}
                  </Button>
                </Flex>
              )}
              <NoticeTextsFields prefix={code === 'en' ? ['notice'] : ['notice', 'translations', code]} language={code} />
            </>
          ),
        }))}
      />
    </>
  );
}
