import type { PropsWithChildren } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin } from 'antd';

/** A report that could not load, with what the API said and a way to ask again. */
export function ReportError({ what, error, onRetry }: { what: string; error: { message?: string } | null; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      message={`Could not load ${what}`}
      description={error?.message ?? 'Please try again.'}
      action={
        <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
          Try again
        </Button>
      }
    />
  );
}

/** No leads in the cohort: the same words everywhere, so a manager knows the period is empty, not broken. */
export function NoLeads({ filtered }: { filtered: boolean }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={filtered ? 'No leads match these filters in this period' : 'No leads were created in this period'}
      data-testid="report-empty"
    />
  );
}

/** Keeps the last figures on screen, dimmed, while those for new filters load. */
export function Reloading({ active, children }: PropsWithChildren<{ active: boolean }>) {
  return (
    <Spin spinning={active} delay={150} tip="Updating…">
      <div aria-busy={active}>{children}</div>
    </Spin>
  );
}
