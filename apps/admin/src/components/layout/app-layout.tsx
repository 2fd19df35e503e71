import type { PropsWithChildren } from 'react';
import { ThemedLayoutContextProvider } from '@refinedev/antd';
import { Grid, Layout } from 'antd';
import { ConnectionBanner } from './connection-banner';
import { AppHeader } from './header';
import { PageErrorBoundary } from './page-error-boundary';
import { AppSider } from './sider';

/**
 * The panel's frame, laid out as Refine's ThemedLayout lays it out (and with its context, which the
 * sider and header share), without that layout's default sider, header and title, which every
 * screen would otherwise load for nothing.
 */
export function AppLayout({ children }: PropsWithChildren) {
  const { sm } = Grid.useBreakpoint();
  return (
    <ThemedLayoutContextProvider>
      <Layout style={{ minHeight: '100vh' }} hasSider>
        <AppSider />
        <Layout>
          <AppHeader />
          <Layout.Content>
            <div style={{ minHeight: 360, padding: sm === false ? 12 : 24 }}>
              <ConnectionBanner />
              <PageErrorBoundary>{children}</PageErrorBoundary>
            </div>
          </Layout.Content>
        </Layout>
      </Layout>
    </ThemedLayoutContextProvider>
  );
}
