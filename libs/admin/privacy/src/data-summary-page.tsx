import { useApiUrl, useCustom, useLink } from '@refinedev/core';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { formatIstDateTime, noticeLanguage, type DataSummary } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { LoadError } from './components/load-error';
import { useDataRequest } from './data-requests-api';
import { dataRequestPath } from './paths';
import { fieldLabel } from './request-text';

/** The person's name as the summary holds it (`fullName`, or a "Name" label), else the request's lead. */
function nameOf(summary: DataSummary | undefined, fallback: string | null | undefined): string {
  const person = summary?.person ?? {};
  const key = Object.keys(person).find((k) => /^(full ?name|name)$/i.test(k));
  return (key && person[key]) || fallback || 'this person';
}

function Consent({ yes, what }: { yes: boolean; what: string }) {
  return yes ? (
    <Typography.Text style={{ color: '#2e7d5b' }}>
      <CheckCircleFilled /> Agreed to {what}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">
      <CloseCircleFilled /> No consent to {what}
    </Typography.Text>
  );
}

/**
 * `/data-requests/:id/summary`: what AdvisorDesk holds about the person who asked (an access
 * request), in words, to read here and print or save as a PDF for them.
 */
export default function DataSummaryPage() {
  const { id = '' } = useParams<{ id: string }>();
  const apiUrl = useApiUrl();
  const Link = useLink();
  const { result: request } = useDataRequest(id);
  const { query } = useCustom<DataSummary, ApiRequestError>({
    url: `${apiUrl}/data-requests/${encodeURIComponent(id)}/summary`,
    method: 'get',
    errorNotification: false,
    queryOptions: { enabled: Boolean(id), retry: false },
  });
  const summary = query.data?.data;
  const name = nameOf(summary, request?.leadName);

  const back = (
    <Link to={dataRequestPath(id)} className="no-print" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <ArrowLeftOutlined /> {request ? `Request ${request.reference}` : 'The request'}
    </Link>
  );

  if (query.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError)
    return (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {back}
        {query.error?.statusCode === 404 ? (
          <Result
            status="info"
            title="We hold nothing about this phone"
            subTitle={query.error.message || 'No lead has this phone number: tell the person we hold no data about them, then resolve the request.'}
          />
        ) : (
          <LoadError what="the summary" error={query.error} retry={query.refetch} />
        )}
      </Space>
    );
  if (!summary) return null;

  const person = Object.entries(summary.person);
  const { consents } = summary;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 860 }} data-testid="data-summary">
      {back}
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="data-summary-title">
            What we hold about {name}
          </Typography.Title>
          <Typography.Text type="secondary">
            As of {formatIstDateTime(summary.generatedAt, { relative: false })} (IST)
            {request ? ` · in answer to request ${request.reference}` : ''}
          </Typography.Text>
        </div>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print" data-testid="data-summary-print">
          Print / Save as PDF
        </Button>
      </Flex>

      <Card size="small" title="About you" className="print-plain">
        {person.length ? (
          <Descriptions
            column={1}
            size="small"
            items={person.map(([key, value]) => ({
              key,
              label: fieldLabel(key),
              children: value ? <span style={{ overflowWrap: 'anywhere' }}>{value}</span> : <Typography.Text type="secondary">—</Typography.Text>,
            }))}
            styles={{ label: { width: 180 } }}
          />
        ) : (
          <Typography.Text type="secondary">Nothing</Typography.Text>
        )}
      </Card>

      <Card size="small" title="Your consent" className="print-plain">
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: 180 } }}
          items={[
            { key: 'whatsapp', label: 'WhatsApp messages', children: <Consent yes={consents.whatsapp} what="WhatsApp messages" /> },
            { key: 'marketing', label: 'Marketing messages', children: <Consent yes={consents.marketing} what="marketing messages" /> },
            {
              key: 'notice',
              label: 'Privacy notice shown',
              children: consents.noticeVersion
                ? `Version ${consents.noticeVersion}${consents.language ? `, in ${noticeLanguage(consents.language)?.name ?? consents.language}` : ''}`
                : '—',
            },
            { key: 'source', label: 'Given through', children: consents.source ?? '—' },
          ]}
        />
      </Card>

      {summary.sections.map((section) => (
        <Card
          key={section.title}
          size="small"
          className="print-plain"
          title={`${section.title} (${section.count.toLocaleString('en-IN')})`}
          data-testid="data-summary-section"
        >
          {section.items.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {section.items.map((item, index) => (
                <li key={index} style={{ overflowWrap: 'anywhere', marginBottom: 4 }}>
                  {item}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Text type="secondary">None</Typography.Text>
          )}
        </Card>
      ))}

      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        You may ask us to correct or erase this data, withdraw your consent, or name a nominee, on our privacy page. Times are India time.
      </Typography.Paragraph>
    </Space>
  );
}
