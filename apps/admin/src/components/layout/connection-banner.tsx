import { useEffect, useState } from 'react';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { DisconnectOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert } from 'antd';

const isNetworkFailure = (error: unknown) => (error as { statusCode?: number } | null)?.statusCode === 0;

/**
 * Whether the API can be reached: the browser's online/offline events, and requests that failed
 * for want of a network (cleared by the next one that gets through).
 */
function useConnection(): 'online' | 'offline' | 'unreachable' {
  const client = useQueryClient();
  const [browserOnline, setBrowserOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    const online = () => setBrowserOnline(true);
    const offline = () => setBrowserOnline(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, []);

  useEffect(() => {
    const seen = (error: unknown, ok: boolean) => {
      if (ok) setUnreachable(false);
      else if (isNetworkFailure(error)) setUnreachable(true);
    };
    const queries = client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'success') seen(null, true);
      else if (event.action.type === 'failed' || event.action.type === 'error') seen(event.action.error, false);
    });
    const mutations = client.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || !event.mutation) return;
      const { status, error } = event.mutation.state;
      if (status === 'success') seen(null, true);
      else if (status === 'error') seen(error, false);
    });
    return () => {
      queries();
      mutations();
    };
  }, [client]);

  if (!browserOnline) return 'offline';
  return unreachable ? 'unreachable' : 'online';
}

/**
 * At the top of every page: "You are offline" (or "Cannot reach AdvisorDesk") while the API
 * cannot be reached, and "Retrying…" while a failed request is being asked again.
 */
export function ConnectionBanner() {
  const connection = useConnection();
  const retrying = useIsFetching({ predicate: (query) => query.state.fetchFailureCount > 0 });

  if (connection === 'online' && !retrying) return null;
  const offline = connection !== 'online';
  return (
    <div role="status" aria-live="polite" data-testid="connection-banner" style={{ position: 'sticky', top: 64, zIndex: 15, marginBottom: 12 }}>
      <Alert
        type={offline ? 'warning' : 'info'}
        showIcon
        icon={offline ? <DisconnectOutlined /> : <LoadingOutlined />}
        message={offline ? (connection === 'offline' ? 'You are offline' : 'Cannot reach AdvisorDesk') : 'Retrying…'}
        description={
          offline
            ? `${retrying ? 'Retrying… ' : ''}Nothing can be loaded or saved until the connection is back; pages reload by themselves then.`
            : undefined
        }
      />
    </div>
  );
}
