import { useEffect, useMemo, useRef, useState } from 'react';
import { useGo } from '@refinedev/core';
import { CheckCircleOutlined, CloudUploadOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  Input,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import {
  LEAD_IMPORT_FIELD_LABELS,
  LEAD_IMPORT_FIELDS,
  LEAD_IMPORT_LIMITS,
  LEAD_IMPORT_REQUIRED_FIELDS,
  proposeLeadImportMapping,
  type LeadImportError,
  type LeadImportField,
  type LeadImportMapping,
  type LeadImportOutcome,
  type LeadImportPreviewRow,
  type LeadImportResult,
} from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';
import { pastedFile, readFileHead, readHead, type FileHead } from './file-head';
import { rowsText } from './import-text';
import { useLeadImport } from './lead-import-api';

const OUTCOMES: Record<LeadImportOutcome, { color: string; label: string }> = {
  new: { color: 'blue', label: 'New lead' },
  existing: { color: 'gold', label: 'Inquiry on existing lead' },
  accepted: { color: 'green', label: 'Will be imported' },
  error: { color: 'red', label: 'Error' },
};

const FIELD_OPTIONS = [
  { value: '', label: 'Don’t import' },
  ...LEAD_IMPORT_FIELDS.map((field) => ({ value: field, label: LEAD_IMPORT_FIELD_LABELS[field] })),
];

const GOOD_NOTICE = { background: '#eef7f1', borderColor: '#b9dcc7' };

/** The chosen file (or pasted text, as a tab-separated file) with its head read for the mapping. */
interface Source {
  file: Blob;
  fileName: string;
  head: FileHead;
}

type Phase = { step: 'idle' } | { step: 'sending'; dryRun: boolean; fraction: number };

const sameMapping = (a: LeadImportMapping, b: LeadImportMapping) => JSON.stringify(a) === JSON.stringify(b);

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Leads from a spreadsheet: choose a CSV (or paste the cells), check how its columns fill the lead,
 * check the rows (a dry run writes nothing), then import: every row, or none if one is wrong.
 */
export default function LeadImportPage() {
  const phone = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();
  const go = useGo();
  const { canRead } = useAccess();
  const staff = canRead('leads');
  const { run } = useLeadImport();
  const [mode, setMode] = useState<'file' | 'paste'>('file');
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState<Source | null>(null);
  const [mapping, setMapping] = useState<LeadImportMapping>({});
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [report, setReport] = useState<{ result: LeadImportResult; mapping: LeadImportMapping; source: Source } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = (next: Source | null) => {
    setSource(next);
    setMapping(next ? proposeLeadImportMapping(next.head.headers) : {});
    setReport(null);
    setFailure(null);
  };

  const pickFile = (file: File) => {
    if (file.size > LEAD_IMPORT_LIMITS.bytes) {
      message.error(`${file.name} is larger than ${sizeText(LEAD_IMPORT_LIMITS.bytes)}: split it into smaller files.`);
      return;
    }
    readFileHead(file)
      .then((head) => choose({ file, fileName: file.name, head }))
      .catch(() => message.error(`Could not read ${file.name}.`));
  };

  const usePasted = () => {
    const text = pasted.trim() ? pasted : '';
    choose(text ? { file: pastedFile(text), fileName: 'pasted.tsv', head: readHead(text) } : null);
  };

  const used = Object.values(mapping).filter((f): f is LeadImportField => !!f);
  const missing = LEAD_IMPORT_REQUIRED_FIELDS.filter((field) => !used.includes(field));
  const twice = used.filter((field, i) => used.indexOf(field) !== i);
  const mappingOk = !!source && missing.length === 0 && twice.length === 0;
  const checked = report && report.source === source && sameMapping(report.mapping, mapping) ? report.result : null;
  const cleanCheck = checked?.dryRun === true && checked.errorsTotal === 0;
  const applied = report?.result.dryRun === false ? report.result : null;
  const resultRef = useRef<HTMLDivElement>(null);
  // The answer shows below the mapping: brought into view when it arrives.
  useEffect(() => {
    resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [report]);

  const send = async (dryRun: boolean) => {
    if (!source) return;
    setFailure(null);
    setPhase({ step: 'sending', dryRun, fraction: 0 });
    try {
      const result = await run({
        file: source.file,
        fileName: source.fileName,
        mapping,
        dryRun,
        onProgress: (fraction) => setPhase({ step: 'sending', dryRun, fraction }),
      });
      setReport({ result, mapping, source });
      if (!dryRun) message.success(`Imported ${rowsText(result.rows)}.`);
    } catch (error) {
      const apiError = error as ApiRequestError;
      const fields = Object.values(apiError.errors ?? {}).flat();
      setFailure([apiError.message, ...fields.filter((f) => f !== apiError.message)].join(' · '));
    } finally {
      setPhase({ step: 'idle' });
    }
  };

  const mappingRows = source?.head.headers ?? [];
  const mappingColumns: TableColumnsType<string> = [
    {
      title: 'Column in the file',
      key: 'header',
      render: (_, header) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {header || '(no name)'}
          </Typography.Text>
          {phone && <Samples values={source?.head.samples[header] ?? []} />}
        </Space>
      ),
    },
    {
      title: 'Lead field',
      key: 'field',
      width: phone ? 170 : 240,
      render: (_, header) => (
        <Select
          value={mapping[header] ?? ''}
          options={FIELD_OPTIONS}
          // Sixteen choices: all of them in the list, none left for a virtual list to add on scrolling.
          virtual={false}
          listHeight={320}
          onChange={(value) => setMapping((current) => ({ ...current, [header]: (value || null) as LeadImportField | null }))}
          style={{ width: '100%' }}
          aria-label={`Lead field for ${header}`}
          data-testid={`mapping-${header}`}
          status={mapping[header] && twice.includes(mapping[header] as LeadImportField) ? 'error' : undefined}
        />
      ),
    },
    {
      title: 'Sample values',
      key: 'samples',
      responsive: ['md'],
      render: (_, header) => <Samples values={source?.head.samples[header] ?? []} />,
    },
  ];

  const errorColumns: TableColumnsType<LeadImportError> = [
    { title: 'Row', dataIndex: 'row', key: 'row', width: 70 },
    {
      title: 'Field',
      dataIndex: 'field',
      key: 'field',
      width: phone ? 110 : 170,
      render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
    },
    { title: 'Reason', dataIndex: 'message', key: 'message', render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span> },
  ];
  const previewColumns: TableColumnsType<LeadImportPreviewRow> = [
    { title: 'Row', dataIndex: 'row', key: 'row', width: 70 },
    {
      title: 'What happens',
      dataIndex: 'outcome',
      key: 'outcome',
      render: (outcome: LeadImportOutcome) => <Tag color={OUTCOMES[outcome].color}>{OUTCOMES[outcome].label}</Tag>,
    },
    { title: 'Name', dataIndex: 'fullName', key: 'fullName', render: (text: string) => <span style={{ overflowWrap: 'anywhere' }}>{text}</span> },
    { title: 'Phone', dataIndex: 'phone', key: 'phone', responsive: ['sm'] },
  ];

  const shown = applied ?? checked;
  const sending = phase.step === 'sending' ? phase : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Import leads
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          A CSV file (comma, semicolon or tab separated) or cells pasted from a spreadsheet, up to {LEAD_IMPORT_LIMITS.rows.toLocaleString('en-IN')}{' '}
          rows. A phone that is already a lead adds an inquiry to it and changes nothing it holds. Consent counts only with a consent source;
          marketing consent is never assumed. Check first: the import writes every row, or none if one is wrong.
        </Typography.Paragraph>
      </div>

      <Card
        size="small"
        title="1. The leads"
        extra={
          <Segmented<'file' | 'paste'>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'file', label: 'File' },
              { value: 'paste', label: 'Paste' },
            ]}
          />
        }
      >
        {mode === 'file' ? (
          <div data-testid="lead-import-file">
            <Upload.Dragger
              accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                pickFile(file);
                // Read here for its columns; sent only by Check or Import.
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Drop a CSV file here, or click to choose one</p>
              <p className="ant-upload-hint">Headers like Name, Mobile, E-mail, Course are recognised; you can change how each column is used.</p>
            </Upload.Dragger>
          </div>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              placeholder={'Copy the cells, header row included, from Excel or Google Sheets and paste them here'}
              autoSize={{ minRows: 5, maxRows: 12 }}
              spellCheck={false}
              style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, whiteSpace: 'pre', overflowX: 'auto' }}
              aria-label="Pasted cells"
              data-testid="lead-import-paste"
            />
            <Button onClick={usePasted} disabled={!pasted.trim()}>
              Use these cells
            </Button>
          </Space>
        )}
        {source && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="lead-import-source">
            {source.fileName} · {sizeText(source.file.size)} · {source.head.headers.length} columns
          </Typography.Paragraph>
        )}
      </Card>

      {source && (
        <Card size="small" title="2. How the columns fill the lead">
          <Table<string>
            rowKey={(header) => header}
            dataSource={mappingRows}
            columns={mappingColumns}
            size="small"
            pagination={false}
            data-testid="lead-import-mapping"
          />
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              message={`Choose the column with the ${missing.map((f) => LEAD_IMPORT_FIELD_LABELS[f].toLowerCase()).join(' and the ')}`}
            />
          )}
          {twice.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} message={`Two columns fill ${LEAD_IMPORT_FIELD_LABELS[twice[0]]}: keep one`} />
          )}
        </Card>
      )}

      {source && (
        <Flex gap={12} wrap align="center">
          <Button
            icon={<SafetyCertificateOutlined />}
            type={cleanCheck ? 'default' : 'primary'}
            onClick={() => send(true)}
            loading={sending?.dryRun === true}
            disabled={!mappingOk || !!sending}
            data-testid="lead-import-check"
          >
            Check (dry run)
          </Button>
          <Tooltip title={cleanCheck || applied ? undefined : 'Check the file first: Import is ready once the check finds no error'}>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              onClick={() => send(false)}
              loading={sending?.dryRun === false}
              disabled={!cleanCheck || !!sending}
              data-testid="lead-import-apply"
            >
              {applied ? 'Imported' : checked ? `Import ${rowsText(checked.rows)}` : 'Import'}
            </Button>
          </Tooltip>
        </Flex>
      )}

      {sending && (
        <Card size="small" data-testid="lead-import-progress">
          <Typography.Text>
            {sending.fraction < 1
              ? `${sending.dryRun ? 'Checking' : 'Importing'}: the server reads the rows as they arrive`
              : sending.dryRun
                ? 'Checking the last rows…'
                : 'Writing the last rows and saving…'}
          </Typography.Text>
          <Progress percent={Math.round(sending.fraction * 100)} status="active" />
        </Card>
      )}

      {failure && <Alert type="error" showIcon message="Nothing was imported" description={failure} data-testid="lead-import-failure" />}

      {shown && (
        <Space ref={resultRef} direction="vertical" size={12} style={{ width: '100%', scrollMarginTop: 72 }} data-testid="lead-import-result">
          {applied ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              style={GOOD_NOTICE}
              message={`Imported ${rowsText(applied.rows)} from ${applied.fileName}`}
              description={
                staff && applied.startedAt ? (
                  <Button
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() =>
                      go({
                        to: '/leads',
                        query: {
                          filters: [
                            { field: 'createdAt', operator: 'gte', value: applied.startedAt },
                            { field: 'source', operator: 'in', value: ['import'] },
                          ],
                        },
                      })
                    }
                    data-testid="lead-import-new-leads"
                  >
                    See the new leads
                  </Button>
                ) : (
                  'The leads go to the advisors as usual.'
                )
              }
            />
          ) : shown.errorsTotal === 0 ? (
            <Alert
              type="success"
              showIcon
              style={GOOD_NOTICE}
              message="Every row is good"
              description="Nothing was written yet. Import to add them."
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={`${shown.errorsTotal.toLocaleString('en-IN')} row problem${shown.errorsTotal === 1 ? '' : 's'}: correct the file and check again`}
              description={
                shown.errorsTotal > shown.errors.length
                  ? `The first ${shown.errors.length.toLocaleString('en-IN')} are listed.`
                  : 'Nothing was written.'
              }
            />
          )}
          <Row gutter={[12, 12]} data-testid="lead-import-counts">
            {[
              { title: 'Rows', value: shown.rows },
              { title: applied ? 'New leads' : 'New leads to add', value: shown.created },
              { title: applied ? 'Inquiries on existing leads' : 'Already leads', value: shown.existing },
              { title: 'Errors', value: shown.errorsTotal },
            ].map((card) => (
              <Col key={card.title} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={card.title} value={card.value} groupSeparator="," />
                </Card>
              </Col>
            ))}
          </Row>
          {shown.errors.length > 0 && (
            <Table<LeadImportError>
              rowKey={(e) => `${e.row}:${e.field}:${e.message}`}
              dataSource={shown.errors}
              columns={errorColumns}
              size="small"
              pagination={shown.errors.length > 20 ? { pageSize: 20, size: 'small' } : false}
              data-testid="lead-import-errors"
            />
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {shown.rows > shown.preview.length ? `The first ${shown.preview.length} rows` : 'Row by row'}
          </Typography.Title>
          <Table<LeadImportPreviewRow>
            rowKey="row"
            dataSource={shown.preview}
            columns={previewColumns}
            size="small"
            pagination={shown.preview.length > 20 ? { pageSize: 20, size: 'small' } : false}
            data-testid="lead-import-preview"
          />
        </Space>
      )}
    </Space>
  );
}

function Samples({ values }: { values: string[] }) {
  const shown = useMemo(() => values.filter(Boolean), [values]);
  if (!shown.length) return <Typography.Text type="secondary">empty</Typography.Text>;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
      {shown.join(' · ')}
    </Typography.Text>
  );
}
