import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useApiUrl, type CrudFilters, type CrudSort } from '@refinedev/core';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Tooltip, Typography } from 'antd';
import { useAccess, useApiSession } from '@advisordesk/admin-data';
import { downloadLeadExport, type ExportProgress } from './lead-export';
import { listQuery, saveFile } from '@advisordesk/admin-data';

export const CONSENTED_ONLY_NOTE = 'Only leads who agreed to marketing messages are exported';

// The dialog's progress bar (antd's Progress) loads when an export starts, not with the list.
const ExportProgressBar = lazy(() => import('./export-progress-bar'));

const count = (value: number) => value.toLocaleString('en-IN');
const isAbort = (error: unknown) => (error as { name?: string } | null)?.name === 'AbortError';

/**
 * "Export CSV" for the lead list's current filters and sort: streams `/api/exports/leads.csv`
 * with a progress bar (rows received of `x-total-count`) and a Cancel that stops the download,
 * then saves the file. Hidden for roles that may not export; marketing is told that only
 * consented leads are in the file (the API applies it).
 */
export function ExportLeadsButton({ filters, sorters }: { filters: CrudFilters; sorters: CrudSort[] }) {
  const { canRead, accessOf } = useAccess();
  const apiUrl = useApiUrl();
  const session = useApiSession();
  const { notification } = App.useApp();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  // Leaving the page stops a running download.
  useEffect(() => () => controller.current?.abort(), []);

  if (!canRead('exports')) return null;
  const consentedOnly = accessOf('exports') === 'consented';

  const start = async () => {
    let query: string;
    try {
      query = listQuery(filters, sorters);
    } catch (error) {
      notification.error({ message: 'Could not export', description: (error as Error).message });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ rows: 0, total: null });
    let shown = 0;
    try {
      const result = await downloadLeadExport({
        url: `${apiUrl}/exports/leads.csv${query ? `?${query}` : ''}`,
        signal: abort.signal,
        getToken: () => session.accessToken(),
        renewSession: () => session.renew(),
        onProgress: (next) => {
          // A redraw per 10th of a second is plenty, however fast the rows come.
          const now = performance.now();
          if (now - shown < 100 && next.rows !== next.total) return;
          shown = now;
          setProgress(next);
        },
      });
      if (abort.signal.aborted) return;
      if (result.rows === 0) {
        notification.info({
          message: 'Nothing to export',
          description: `No leads match these filters.${consentedOnly ? ` ${CONSENTED_ONLY_NOTE}.` : ''}`,
        });
        return;
      }
      saveFile(result.blob, result.filename);
      const changed = result.total !== null && result.total !== result.rows;
      notification.success({
        message: 'Export saved',
        description: (
          <span data-testid="export-done">
            {result.filename}: {count(result.rows)} {result.rows === 1 ? 'lead' : 'leads'}.
            {changed && ` The list changed while exporting (${count(result.total ?? 0)} were expected).`}
            {consentedOnly && ` ${CONSENTED_ONLY_NOTE}.`}
          </span>
        ),
      });
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      notification.error({ message: 'Could not export', description: (error as Error).message || 'Please try again.' });
    } finally {
      if (controller.current === abort) controller.current = null;
      setProgress(null);
    }
  };

  const cancel = () => {
    controller.current?.abort();
    controller.current = null;
    setProgress(null);
    notification.info({ message: 'Export cancelled', description: 'Nothing was saved.' });
  };

  const percent = progress?.total ? Math.min(100, Math.floor((progress.rows / progress.total) * 100)) : 0;

  return (
    <>
      <Space size={8} wrap align="center" style={{ minWidth: 0 }}>
        <Tooltip title={consentedOnly ? CONSENTED_ONLY_NOTE : 'Download the leads matching the current filters as a CSV file'}>
          <Button icon={<DownloadOutlined />} onClick={start} loading={progress !== null} data-testid="export-leads">
            Export CSV
          </Button>
        </Tooltip>
        {consentedOnly && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="export-consent-note">
            {CONSENTED_ONLY_NOTE}
          </Typography.Text>
        )}
      </Space>
      <Modal
        open={progress !== null}
        title="Exporting leads"
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={<Button onClick={cancel}>Cancel</Button>}
        width={420}
      >
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="export-progress">
          <Suspense fallback={<div style={{ height: 24 }} data-testid="export-progress-loading" />}>
            <ExportProgressBar percent={percent} showInfo={progress?.total !== null} />
          </Suspense>
          <Typography.Text aria-live="polite" data-testid="export-progress-text">
            {progress?.total === null || progress === null
              ? 'Preparing the file…'
              : `${count(progress.rows)} of ${count(progress.total)} ${progress.total === 1 ? 'row' : 'rows'} received`}
          </Typography.Text>
          {consentedOnly && <Alert type="info" showIcon message={CONSENTED_ONLY_NOTE} />}
        </Space>
      </Modal>
    </>
  );
}
