import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { ReloadOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';

interface Props {
  children: ReactNode;
  /** A new page clears the error. */
  resetKey: string;
}

class Boundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('A page failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    // Most often a page's code could not be downloaded (offline): loading the page again is the retry.
    const offline = typeof navigator !== 'undefined' && !navigator.onLine;
    // Drawn as antd's Result of status "warning" is, without Result: its module brings the 404, 403 and 500 illustrations with it.
    return (
      <Flex vertical align="center" gap={8} style={{ padding: '48px 32px', textAlign: 'center' }} data-testid="page-error">
        <WarningFilled style={{ fontSize: 72, color: '#faad14', marginBottom: 16 }} />
        <Typography.Title level={3} style={{ margin: 0, fontWeight: 400 }}>
          This page could not be shown
        </Typography.Title>
        <Typography.Text type="secondary">
          {offline
            ? 'You are offline: it loads once the connection is back.'
            : 'It may not have downloaded completely. Try again; if it keeps happening, tell your admin.'}
        </Typography.Text>
        <Button type="primary" icon={<ReloadOutlined />} onClick={() => window.location.reload()} style={{ marginTop: 16 }}>
          Retry
        </Button>
      </Flex>
    );
  }
}

/** Instead of a blank screen when a page fails to load or draw: what happened and a Retry button. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
