import { DeleteOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography, Upload } from 'antd';

const MAX_BYTES = 4_000_000;

/** One CSV file: picked from the computer or pasted, shown as text either way. */
export function CsvSource({
  title,
  hint,
  value,
  fileName,
  onChange,
  onError,
  testId,
}: {
  title: string;
  hint: string;
  value: string;
  fileName?: string;
  /** `modifiedAt`: the picked file's date (ms), none for typed or pasted text. */
  onChange: (text: string, fileName?: string, modifiedAt?: number) => void;
  onError: (message: string) => void;
  testId: string;
}) {
  const lines = value.trim() ? value.trim().split(/\r?\n/).length : 0;
  return (
    <Card
      size="small"
      title={
        <span>
          <FileTextOutlined /> {title}
        </span>
      }
      extra={
        <Flex gap={8}>
          <Upload
            accept=".csv,text/csv"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) {
                onError(`${file.name} is larger than 4 MB: split it into smaller files.`);
                return Upload.LIST_IGNORE;
              }
              file
                .text()
                .then((text) => onChange(text.replace(/^\uFEFF/, ''), file.name, file.lastModified || undefined))
                .catch(() => onError(`Could not read ${file.name}.`));
              // Read here, never uploaded anywhere by antd.
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} size="small" data-testid={`${testId}-upload`}>
              Choose file
            </Button>
          </Upload>
          {value && <Button icon={<DeleteOutlined />} size="small" onClick={() => onChange('', undefined)} aria-label={`Clear ${title}`} />}
        </Flex>
      }
      style={{ height: '100%' }}
    >
      <Input.TextArea
        value={value}
        onChange={(event) => onChange(event.target.value, undefined)}
        placeholder={hint}
        aria-label={`${title} text`}
        autoSize={{ minRows: 6, maxRows: 14 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, whiteSpace: 'pre', overflowX: 'auto' }}
        data-testid={testId}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {lines
          ? `${fileName ? `${fileName} · ` : ''}${lines - 1} row${lines - 1 === 1 ? '' : 's'} after the header`
          : 'Empty: this file is not imported'}
      </Typography.Text>
    </Card>
  );
}
