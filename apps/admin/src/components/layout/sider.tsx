import type { ReactNode } from 'react';
import { useCanWithoutCache, useLink, useMenu, type TreeMenuItem } from '@refinedev/core';
import { useThemedLayoutContext } from '@refinedev/antd';
import { useQuery } from '@tanstack/react-query';
import { Drawer, Grid, Layout, Menu, theme, type MenuProps } from 'antd';
import { AppTitle } from '../brand';

/** The menu entries the signed-in role may open, asked of the access-control provider. */
function useAllowedEntries(entries: TreeMenuItem[]): Set<string> | undefined {
  const { can } = useCanWithoutCache();
  const names = entries.map((entry) => entry.name);
  const { data } = useQuery({
    queryKey: ['access', 'menu', ...names],
    queryFn: async () => {
      if (!can) return names;
      const answers = await Promise.all(names.map((resource) => can({ resource, action: 'list' })));
      return names.filter((_, index) => answers[index].can);
    },
    staleTime: 5 * 60_000,
  });
  return data ? new Set(data) : undefined;
}

/**
 * The panel's menu: a collapsible sider on laptops, a drawer (opened from the header) below the
 * `lg` breakpoint. Only entries the role may use are shown.
 */
export function AppSider() {
  const { menuItems, selectedKey } = useMenu();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const Link = useLink();
  const allowed = useAllowedEntries(menuItems);
  const isMobile = screens.lg === false;

  const items: MenuProps['items'] = menuItems
    .filter((entry) => allowed?.has(entry.name))
    .map((entry) => ({
      key: entry.key ?? entry.name,
      icon: (entry.meta?.icon as ReactNode) ?? entry.icon,
      label: <Link to={entry.route ?? '/'}>{entry.label ?? entry.meta?.label ?? entry.name}</Link>,
    }));

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selectedKey ? [selectedKey] : []}
      items={items}
      onClick={() => setMobileSiderOpen(false)}
      style={{ border: 'none', paddingTop: 8 }}
      aria-label="Main menu"
    />
  );

  if (isMobile) {
    return (
      <Drawer
        open={mobileSiderOpen}
        onClose={() => setMobileSiderOpen(false)}
        placement="left"
        width={264}
        title={<AppTitle collapsed={false} />}
        styles={{ body: { padding: 0 }, header: { padding: '12px 16px' } }}
      >
        {menu}
      </Drawer>
    );
  }

  return (
    <Layout.Sider
      collapsible
      collapsed={siderCollapsed}
      onCollapse={(collapsed, type) => type === 'clickTrigger' && setSiderCollapsed(collapsed)}
      breakpoint="lg"
      width={232}
      collapsedWidth={72}
      theme="light"
      style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto', borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
    >
      <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: siderCollapsed ? 'center' : 'flex-start', padding: siderCollapsed ? 0 : '0 20px' }}>
        <AppTitle collapsed={siderCollapsed} />
      </div>
      {menu}
    </Layout.Sider>
  );
}
