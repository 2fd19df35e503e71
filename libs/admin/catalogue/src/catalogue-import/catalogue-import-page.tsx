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
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  CURRENT_SESSION,
  formatIstDateTime,
  IMPORT_OVERWRITES_PANEL_EDITS,
  isSession,
  type CatalogueImportBody,
  type ImportOutcome,
  type ImportReport,
} from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { CsvSource } from './components/csv-source';
import { importProblems, reviewLines, type ListedProblem, type ReviewLine } from './import-report';

/** What the page holds: the two files' text (empty when none) and the session of rows without one. */
type Sources = Required<Pick<CatalogueImportBody, 'universities' | 'programs' | 'defaultSession'>>;

const OUTCOME_TAGS: Record<ImportOutcome, { color: string; label: string }> = {
  new: { color: 'blue', label: 'New' },
  updated: { color: 'gold', label: 'Updated' },
  unchanged: { color: 'default', label: 'Unchanged' },
};

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
      detail: `${report.universities.create} new · ${report.universities.update} updated · ${report.universities.unchanged} unchanged`,
    },
    {
      title: 'Programs',
      value: report.programs.rows,
      suffix: 'rows',
      detail: `${report.programs.create} new · ${report.programs.update} updated · ${report.programs.unchanged} unchanged`,
    },
    {
      title: 'Fee structures',
      value: report.feeStructures.create + report.feeStructures.update,
      suffix: 'to write',
      detail: `${report.feeStructures.create} new · ${report.feeStructures.update} replaced · ${report.feeStructures.unchanged} unchanged`,
    },
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
  // When each file was made: a picked file's date, else when its text was loaded or typed here.
  const [dates, setDates] = useState<{ universities?: number; programs?: number }>({});
  const [showAll, setShowAll] = useState(false);
  const [conflicts, setConflicts] = useState<ListedProblem[]>([]);
  const [checked, setChecked] = useState<Sources | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<ListedProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const { mutateAsync, mutation } = useCustomMutation<ImportReport, ApiRequestError>();
  const running = mutation.isPending ? (mutation.variables?.values as CatalogueImportBody | undefined)?.dryRun : undefined;

  const sessionOk = isSession(sources.defaultSession.trim());
  const nothing = !sources.universities.trim() && !sources.programs.trim();
  const cleanCheck = sameSources(checked, sources) && report?.dryRun === true && problems.length === 0;

  const update = (next: Partial<Sources>, fileNames?: Partial<typeof files>, madeAt?: number) => {
    setSources((current) => ({ ...current, ...next }));
    if (fileNames) setFiles((current) => ({ ...current, ...fileNames }));
    const file = next.universities !== undefined ? 'universities' : next.programs !== undefined ? 'programs' : null;
    if (file) setDates((current) => ({ ...current, [file]: madeAt ?? Date.now() }));
  };
  // The older of the two files: a fee edited in the panel after it is newer than what the file says.
  const shown = [sources.universities.trim() && dates.universities, sources.programs.trim() && dates.programs].filter((d): d is number => !!d);
  const asOf = shown.length ? new Date(Math.min(...shown)).toISOString() : undefined;
  const panelEdits = cleanCheck ? (report?.fees.filter((f) => f.overwritesPanelEdit) ?? []) : [];
  const lines = report ? reviewLines(report) : [];
  const listed = showAll ? lines : lines.filter((l) => l.outcome !== 'unchanged');

  const run = async (dryRun: boolean, overwriteEditedSince = false) => {
    const sent = { ...sources, defaultSession: sources.defaultSession.trim() };
    setFailure(null);
    setConflicts([]);
    try {
      const { data } = await mutateAsync({
        url: `${apiUrl}/catalogue/import`,
        method: 'post',
        values: {
          ...(sent.universities.trim() ? { universities: sent.universities } : {}),
          ...(sent.programs.trim() ? { programs: sent.programs } : {}),
          defaultSession: sent.defaultSession,
          dryRun,
          ...(asOf ? { asOf } : {}),
          ...(overwriteEditedSince ? { overwriteEditedSince } : {}),
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
      if (apiError.code === IMPORT_OVERWRITES_PANEL_EDITS) {
        // Edited in the panel since the check: the report stands, the import waits for a yes.
        setConflicts(found);
        setFailure(null);
        return;
      }
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

  const changesOf = (l: ReviewLine) =>
    l.changes.length ? (
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {l.changes.map((c) => (
          <li key={c.field} style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text code>{c.field}</Typography.Text> <Typography.Text delete={c.before !== '—'}>{c.before}</Typography.Text> →{' '}
            <Typography.Text strong>{c.after}</Typography.Text>
          </li>
        ))}
      </ul>
    ) : (
      <Typography.Text type="secondary">{l.outcome === 'unchanged' ? 'Same as the catalogue' : ''}</Typography.Text>
    );

  const reviewColumns: TableColumnsType<ReviewLine> = [
    {
      title: 'Row',
      key: 'row',
      render: (_, l) => (
        <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
          <span>
            <Tag bordered={false}>
              {l.file}.csv · line {l.line}
            </Tag>
            <Tag color={OUTCOME_TAGS[l.outcome].color}>{OUTCOME_TAGS[l.outcome].label}</Tag>
          </span>
          <span style={{ overflowWrap: 'anywhere' }}>{l.what}</span>
          {l.overwritesPanelEditAt && (
            <Tag color="red" style={{ whiteSpace: 'normal' }}>
              Edited in the panel {formatIstDateTime(l.overwritesPanelEditAt)}, after this file
            </Tag>
          )}
          {phone && l.changes.length > 0 && changesOf(l)}
        </Space>
      ),
    },
    { title: 'Before → after', key: 'changes', responsive: ['sm'], render: (_, l) => changesOf(l) },
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
            onChange={(text, name, madeAt) => update({ universities: text }, { universities: name }, madeAt)}
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
            onChange={(text, name, madeAt) => update({ programs: text }, { programs: name }, madeAt)}
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
            title={
              panelEdits.length
                ? `Replace ${panelEdits.length} fee${panelEdits.length > 1 ? 's' : ''} edited in the panel?`
                : 'Import into the catalogue?'
            }
            description={
              panelEdits.length
                ? 'They were edited after this file was made; the file’s figures replace them (the edits stay in the fee history).'
                : 'Advisors see the new programs and fees at once.'
            }
            okText={panelEdits.length ? 'Replace and import' : 'Import'}
            okButtonProps={{ danger: panelEdits.length > 0 }}
            onConfirm={() => run(false, panelEdits.length > 0)}
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
          {panelEdits.length > 0 && !report.applied && (
            <Alert
              type="warning"
              showIcon
              message={`${panelEdits.length} fee${panelEdits.length > 1 ? 's were' : ' was'} edited in the panel after this file was made`}
              description={
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {panelEdits.map((f) => (
                    <li key={f.line}>
                      {f.programName} — {f.universityName} ({f.session}), edited {formatIstDateTime(f.panelEditedAt)}: importing replaces it.
                    </li>
                  ))}
                </ul>
              }
              data-testid="import-panel-edits"
            />
          )}
          <Counts report={report} />
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              Row by row
            </Typography.Title>
            <Segmented<'changes' | 'all'>
              value={showAll ? 'all' : 'changes'}
              onChange={(value) => setShowAll(value === 'all')}
              options={[
                { value: 'changes', label: `Changes (${lines.filter((l) => l.outcome !== 'unchanged').length})` },
                { value: 'all', label: `All rows (${lines.length})` },
              ]}
            />
          </Flex>
          <Table<ReviewLine>
            rowKey="key"
            dataSource={listed}
            columns={reviewColumns}
            size="small"
            pagination={listed.length > 50 ? { pageSize: 50, size: 'small' } : false}
            locale={{ emptyText: 'Nothing changes: every row is as the catalogue has it' }}
            data-testid="import-review"
          />
        </Space>
      )}
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message="Not imported: these fees were edited in the panel after this file was made"
          description={
            <Space direction="vertical" size={8}>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {conflicts.map((c) => (
                  <li key={`${c.line}:${c.message}`}>{c.message}</li>
                ))}
              </ul>
              <Button danger onClick={() => run(false, true)} loading={running === false}>
                Replace them and import
              </Button>
            </Space>
          }
          data-testid="import-conflicts"
        />
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
