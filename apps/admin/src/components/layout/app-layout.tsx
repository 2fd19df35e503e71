import type { PropsWithChildren } from 'react';
import { ThemedLayout } from '@refinedev/antd';
import { AppHeader } from './header';
import { AppSider } from './sider';

export function AppLayout({ children }: PropsWithChildren) {
  return (
    <ThemedLayout Header={AppHeader} Sider={AppSider}>
      {children}
    </ThemedLayout>
  );
}
