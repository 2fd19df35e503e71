import type { ReactNode } from 'react';
import { useCanWithoutCache, useLink, useMenu, useParsed, type TreeMenuItem } from '@refinedev/core';
import { useThemedLayoutContext } from '@refinedev/antd';
import { useQuery } from '@tanstack/react-query';
import { FilterOutlined } from '@ant-design/icons';
import { Drawer, Grid, Layout, Menu, theme, type MenuProps } from 'antd';
import { useSavedViewPath, useSavedViews } from '@advisordesk/admin-data';
import { BrandMark, BrandName } from '../brand';

/** The sider's title: the mark, and the name unless the sider is collapsed. */
export function AppTitle({ collapsed }: { collapsed: boolean }) {
  const Link = useLink();
  return (
    <Link to="/" style={{ display: 'inline-flex', alignItems: 'center', gap: 10, textDecoration: 'none' }} aria-label="AdvisorDesk home">
      <BrandMark />
      {!collapsed && <BrandName />}
    </Link>
  );
}

/** Every entry that opens a page (groups like "Catalogue" have no page of their own). */
const pagesOf = (entries: TreeMenuItem[]): TreeMenuItem[] =>
  entries.flatMap((entry) => (entry.children.length ? pagesOf(entry.children) : entry.route ? [entry] : []));

/** The menu pages the signed-in role may open, asked of the access-control provider. */
function useAllowedEntries(entries: TreeMenuItem[]): Set<string> | undefined {
  const { can } = useCanWithoutCache();
  const names = pagesOf(entries).map((entry) => entry.name);
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
 * `lg` breakpoint. Child resources (`meta.parent`) sit in their parent's submenu; only pages the
 * role may use are shown.
 */
export function AppSider() {
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const Link = useLink();
  const allowed = useAllowedEntries(menuItems);
  const isMobile = screens.lg === false;
  // The lead list's saved views (mine, then shared), under Leads.
  const { views } = useSavedViews('leads', allowed?.has('leads') === true);
  const viewPath = useSavedViewPath();
  const { params } = useParsed<{ view?: string }>();
  const openView = typeof params?.view === 'string' ? `view-${params.view}` : undefined;

  // A group is a submenu, shown when the role may open at least one of its pages.
  const toItems = (entries: TreeMenuItem[]): NonNullable<MenuProps['items']> =>
    entries.flatMap((entry): NonNullable<MenuProps['items']> => {
      const key = entry.key ?? entry.name;
      const icon = (entry.meta?.icon as ReactNode) ?? entry.icon;
      const label = entry.label ?? entry.meta?.label ?? entry.name;
      if (entry.children.length) {
        const children = toItems(entry.children);
        return children.length ? [{ key, icon, label, children }] : [];
      }
      if (!allowed?.has(entry.name)) return [];
      const item = { key, icon, label: <Link to={entry.route ?? '/'}>{label}</Link> };
      if (entry.name !== 'leads' || !views.length || (siderCollapsed && !isMobile)) return [item];
      const children = views.map((view) => ({
        key: `view-${view.id}`,
        icon: <FilterOutlined />,
        label: (
          <Link to={viewPath(view, entry.route ?? '/leads')} data-testid="sider-view">
            {view.name}
          </Link>
        ),
      }));
      return [item, { type: 'group' as const, key: 'leads-views', label: 'Saved views', children }];
    });
  const items = toItems(menuItems);

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={openView ? [openView] : selectedKey ? [selectedKey] : []}
      defaultOpenKeys={defaultOpenKeys}
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
      style={{ position: 'sticky', top: 0, height: '100vh', borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
    >
      <div
        style={{
          height: 56,
          display: 'flex',
          alignItems: 'center',
          justifyContent: siderCollapsed ? 'center' : 'flex-start',
          padding: siderCollapsed ? 0 : '0 20px',
        }}
      >
        <AppTitle collapsed={siderCollapsed} />
      </div>
      {/* The menu scrolls on its own, between the title and the collapse button, so its last entry is never under the button. */}
      <div style={{ height: 'calc(100% - 56px)', overflowY: 'auto', overscrollBehavior: 'contain' }}>{menu}</div>
    </Layout.Sider>
  );
}
