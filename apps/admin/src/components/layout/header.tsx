import { useGetIdentity, useLogout, useWarnAboutChange } from '@refinedev/core';
import { useThemedLayoutContext } from '@refinedev/antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Avatar, Button, Grid, Layout, Space, Typography, theme } from 'antd';
import type { UserView } from '@advisordesk/shared';
import { RoleTag } from '@advisordesk/admin-ui';
import { BrandMark } from '../brand';
import { HeaderSearch } from './header-search';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/** The search, the signed-in person, their role and "Log out"; on phones also the button that opens the menu. */
export function AppHeader() {
  const { data: user } = useGetIdentity<UserView>();
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
        gap: 12,
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
      {user && (
        <Space size={narrow ? 8 : 12} style={{ minWidth: 0 }} data-testid="current-user">
          {!narrow && (
            <Avatar style={{ background: token.colorPrimary, flex: 'none' }} aria-hidden>
              {initialsOf(user.name)}
            </Avatar>
          )}
          <Typography.Text strong ellipsis style={{ maxWidth: narrow ? 130 : 240 }} title={user.name}>
            {user.name}
          </Typography.Text>
          <RoleTag role={user.role} />
          <Button icon={<LogoutOutlined />} onClick={onLogout} loading={isPending} aria-label="Log out">
            {narrow ? null : 'Log out'}
          </Button>
        </Space>
      )}
    </Layout.Header>
  );
}
