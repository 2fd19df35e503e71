import type { PropsWithChildren } from 'react';
import { ThemedLayout } from '@refinedev/antd';
import { ConnectionBanner } from './connection-banner';
import { AppHeader } from './header';
import { PageErrorBoundary } from './page-error-boundary';
import { AppSider } from './sider';

export function AppLayout({ children }: PropsWithChildren) {
  return (
    <ThemedLayout Header={AppHeader} Sider={AppSider}>
      <ConnectionBanner />
      <PageErrorBoundary>{children}</PageErrorBoundary>
    </ThemedLayout>
  );
}
