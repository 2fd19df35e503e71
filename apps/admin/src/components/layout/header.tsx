import { Suspense } from 'react';
import { useGetIdentity, useGo, useLogout, useWarnAboutChange } from '@refinedev/core';
import { useThemedLayoutContext } from '@refinedev/antd';
import { DownOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid, Layout, Space, Typography, theme } from 'antd';
import type { UserView } from '@advisordesk/shared';
import { RoleTag, useAreaSlots } from '@advisordesk/admin-ui';
import { BrandMark } from '../brand';
import { HeaderSearch } from './header-search';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/**
 * The search, the other areas' header actions (the bell), the signed-in person (a menu of their
 * own pages), their role and "Log out"; on phones also the button that opens the menu.
 */
export function AppHeader() {
  const { data: user } = useGetIdentity<UserView>();
  const { headerActions = [], userMenuLinks = [] } = useAreaSlots();
  const go = useGo();
  const { setMobileSiderOpen } = useThemedLayoutContext();
  const { mutate: logout, isPending } = useLogout();
  const { warnWhen, setWarnWhen } = useWarnAboutChange();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const isMobile = screens.lg === false;
  const narrow = screens.sm === false;

  const onLogout = () => {
    if (warnWhen && !window.confirm('You have unsaved changes. Log out anyway?')) return;
    setWarnWhen(false);
    logout();
  };

  return (
    <Layout.Header
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 20,
        display: 'flex',
        alignItems: 'center',
        gap: narrow ? 4 : 12,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        paddingInline: narrow ? 12 : 24,
        lineHeight: 1.5,
      }}
    >
      {isMobile && (
        <Space size={8} align="center" style={{ flex: 'none' }}>
          <Button type="text" icon={<MenuOutlined />} aria-label="Open menu" onClick={() => setMobileSiderOpen(true)} />
          <BrandMark size={26} />
        </Space>
      )}
      <div style={{ flex: 1 }} />
      {user && <HeaderSearch narrow={narrow} />}
      {user &&
        headerActions.map((Action, index) => (
          <Suspense key={index} fallback={null}>
            <Action />
          </Suspense>
        ))}
      {user && (
        // On a laptop never squeezed: the search box gives up its width first (so 1024 px fits them all).
        <Space size={narrow ? 4 : 12} style={narrow ? { minWidth: 0 } : { flex: 'none' }} data-testid="current-user">
          <Dropdown
            trigger={['click']}
            disabled={!userMenuLinks.length}
            menu={{
              items: userMenuLinks.map(({ key, label }) => ({ key, label })),
              onClick: ({ key }) => go({ to: userMenuLinks.find((link) => link.key === key)?.path ?? '/' }),
            }}
          >
            <Button
              type="text"
              aria-label={`${user.name}: my pages`}
              style={{ paddingInline: narrow ? 2 : 4, height: 'auto', minWidth: 0, maxWidth: '100%' }}
              data-testid="user-menu"
            >
              <Space size={8} style={{ minWidth: 0 }}>
                {!narrow && (
                  <Avatar style={{ background: token.colorPrimary, flex: 'none' }} aria-hidden>
                    {initialsOf(user.name)}
                  </Avatar>
                )}
                <Typography.Text strong ellipsis style={{ maxWidth: narrow ? 96 : 240 }} title={user.name}>
                  {user.name}
                </Typography.Text>
                {userMenuLinks.length > 0 && !narrow && <DownOutlined style={{ fontSize: 10 }} aria-hidden />}
              </Space>
            </Button>
          </Dropdown>
          <RoleTag role={user.role} />
          <Button icon={<LogoutOutlined />} onClick={onLogout} loading={isPending} aria-label="Log out">
            {narrow ? null : 'Log out'}
          </Button>
        </Space>
      )}
    </Layout.Header>
  );
}
