import { useState } from 'react';
import { useApiUrl, useCustomMutation, useInvalidate } from '@refinedev/core';
import { CheckCircleOutlined, CloudUploadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Grid,
  Input,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CURRENT_SESSION, isSession, type CatalogueImportBody, type ImportReport } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { CsvSource } from './components/csv-source';
import { importProblems, type ListedProblem } from './import-report';

/** What the page holds: the two files' text (empty when none) and the session of rows without one. */
type Sources = Required<Omit<CatalogueImportBody, 'dryRun'>>;

// The theme derives a grey background for success notices from its dark green; these read as "good".
const GOOD_NOTICE = { background: '#eef7f1', borderColor: '#b9dcc7' };

const sameSources = (a: Sources | null, b: Sources) =>
  !!a && a.universities === b.universities && a.programs === b.programs && a.defaultSession === b.defaultSession;

const UNIVERSITIES_HINT =
  'name,city,state,ownership,approvals,naac_grade,nirf_rank,nirf_year,website,source_url\nManipal University Jaipur,Jaipur,Rajasthan,private,UGC-entitled;AICTE;NAAC,A+,,,https://…,https://…';
const PROGRAMS_HINT =
  'university_name,program_name,level,credential_type,mode,duration_months,credits,stackable,session,fee_components,total_inr,emi_available,source_url\nManipal University Jaipur,Online MBA,PG,degree,online,24,,,2026-27,Semester 1:43750;Semester 2:43750,87500,yes,https://…';

function Counts({ report }: { report: ImportReport }) {
  const cards = [
    {
      title: 'Universities',
      value: report.universities.rows,
      suffix: 'rows',
      detail: `${report.universities.create} new · ${report.universities.update} updated`,
    },
    { title: 'Programs', value: report.programs.rows, suffix: 'rows', detail: `${report.programs.create} new · ${report.programs.update} updated` },
    { title: 'Fee structures', value: report.feeStructures.create, suffix: 'new', detail: `${report.feeStructures.unchanged} unchanged` },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="import-counts">
      {cards.map((card) => (
        <Col key={card.title} xs={24} sm={8}>
          <Card size="small">
            <Statistic title={card.title} value={card.value} suffix={card.suffix} />
            <Typography.Text type="secondary">{card.detail}</Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * The catalogue from CSV: check first (a dry run lists every bad row and writes nothing), then
 * import, all or nothing. The files are those of the sample catalogue (`fee_components` as
 * `label:amount_inr;…`).
 */
export default function CatalogueImportPage() {
  const phone = Grid.useBreakpoint().sm === false;
  const { message } = App.useApp();
  const apiUrl = useApiUrl();
  const invalidate = useInvalidate();
  const [sources, setSources] = useState<Sources>({ universities: '', programs: '', defaultSession: CURRENT_SESSION });
  const [files, setFiles] = useState<{ universities?: string; programs?: string }>({});
  const [checked, setChecked] = useState<Sources | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<ListedProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const { mutateAsync, mutation } = useCustomMutation<ImportReport, ApiRequestError>();
  const running = mutation.isPending ? (mutation.variables?.values as CatalogueImportBody | undefined)?.dryRun : undefined;

  const sessionOk = isSession(sources.defaultSession.trim());
  const nothing = !sources.universities.trim() && !sources.programs.trim();
  const cleanCheck = sameSources(checked, sources) && report?.dryRun === true && problems.length === 0;

  const update = (next: Partial<Sources>, fileNames?: Partial<typeof files>) => {
    setSources((current) => ({ ...current, ...next }));
    if (fileNames) setFiles((current) => ({ ...current, ...fileNames }));
  };

  const run = async (dryRun: boolean) => {
    const sent = { ...sources, defaultSession: sources.defaultSession.trim() };
    setFailure(null);
    try {
      const { data } = await mutateAsync({
        url: `${apiUrl}/catalogue/import`,
        method: 'post',
        values: {
          ...(sent.universities.trim() ? { universities: sent.universities } : {}),
          ...(sent.programs.trim() ? { programs: sent.programs } : {}),
          defaultSession: sent.defaultSession,
          dryRun,
        } satisfies CatalogueImportBody,
        successNotification: false,
        errorNotification: false,
      });
      setReport(data);
      setProblems([]);
      setChecked(sources);
      if (!dryRun) {
        await Promise.all(
          ['universities', 'programs', 'fee-structures'].map((resource) => invalidate({ resource, invalidates: ['list', 'many', 'detail'] })),
        );
        message.success('The catalogue is imported.');
      }
    } catch (error) {
      const apiError = error as ApiRequestError;
      const found = importProblems(apiError);
      setReport(null);
      setChecked(sources);
      setProblems(found);
      setFailure(apiError.message ?? 'The import failed: nothing was written.');
    }
  };

  const columns: TableColumnsType<ListedProblem> = [
    {
      title: 'Where',
      key: 'where',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {p.file ? <Tag bordered={false}>{p.file}.csv</Tag> : null}
            {p.line !== null ? `line ${p.line}` : ''}
          </span>
          {phone && <Typography.Text code>{p.field}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: 'Field',
      dataIndex: 'field',
      key: 'field',
      responsive: ['sm'],
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    { title: 'Problem', dataIndex: 'message', key: 'message', render: (value: string) => <span style={{ overflowWrap: 'anywhere' }}>{value}</span> },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Import the catalogue
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          Universities and programs with their fee components, as CSV. Check first: a check lists every wrong row and writes nothing. Import writes
          everything or, if any row is wrong, nothing at all. Existing universities and programs (same name) are updated; a changed fee becomes the
          new current fee of its session.
        </Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <CsvSource
            title="universities.csv"
            hint={UNIVERSITIES_HINT}
            value={sources.universities}
            fileName={files.universities}
            onChange={(text, name) => update({ universities: text }, { universities: name })}
            onError={(text) => message.error(text)}
            testId="universities-csv"
          />
        </Col>
        <Col xs={24} lg={12}>
          <CsvSource
            title="programs.csv"
            hint={PROGRAMS_HINT}
            value={sources.programs}
            fileName={files.programs}
            onChange={(text, name) => update({ programs: text }, { programs: name })}
            onError={(text) => message.error(text)}
            testId="programs-csv"
          />
        </Col>
      </Row>
      <Flex gap={12} wrap align="end">
        <Form.Item
          label="Session for rows without one"
          validateStatus={sessionOk ? undefined : 'error'}
          help={sessionOk ? undefined : 'Two consecutive years, like 2026-27'}
          style={{ marginBottom: 0 }}
          layout="vertical"
        >
          <Input
            value={sources.defaultSession}
            onChange={(event) => update({ defaultSession: event.target.value })}
            style={{ width: 140 }}
            aria-label="Default session"
          />
        </Form.Item>
        <Button
          icon={<SafetyCertificateOutlined />}
          type={cleanCheck ? 'default' : 'primary'}
          onClick={() => run(true)}
          loading={running === true}
          disabled={nothing || !sessionOk || mutation.isPending}
        >
          Check (dry run)
        </Button>
        <Tooltip title={cleanCheck ? undefined : 'Check the files first: Import is ready once the check finds nothing wrong'}>
          <Popconfirm
            title="Import into the catalogue?"
            description="Advisors see the new programs and fees at once."
            okText="Import"
            onConfirm={() => run(false)}
            disabled={!cleanCheck}
          >
            <Button type="primary" icon={<CloudUploadOutlined />} loading={running === false} disabled={!cleanCheck || mutation.isPending}>
              Import
            </Button>
          </Popconfirm>
        </Tooltip>
      </Flex>

      {report && (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="import-result">
          {report.applied ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              message="Imported"
              description="The catalogue now has these changes."
              style={GOOD_NOTICE}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              message="Every row is good"
              description="Nothing was written yet. Import to apply these changes."
              style={GOOD_NOTICE}
            />
          )}
          <Counts report={report} />
        </Space>
      )}
      {failure && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            message={failure}
            description={problems.length ? 'Correct these rows and check again. Nothing was written.' : undefined}
            data-testid="import-failure"
          />
          {problems.length > 0 && (
            <Table<ListedProblem>
              rowKey={(p) => `${p.file}:${p.line}:${p.field}:${p.message}`}
              dataSource={problems}
              columns={columns}
              size="small"
              pagination={problems.length > 50 ? { pageSize: 50, size: 'small' } : false}
              data-testid="import-problems"
            />
          )}
        </Space>
      )}
    </Space>
  );
}
