/**
 * The signed-in frame: side menu grouped by module (filtered by access), breadcrumbs, the
 * language switch, and the user menu (change password, API docs for admins, sign out).
 */
import { createElement, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  App,
  Avatar,
  Breadcrumb,
  Dropdown,
  Flex,
  Layout,
  Menu,
  Modal,
  Space,
  Spin,
  Typography,
  type MenuProps,
} from 'antd';
import { ApiOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useLogout, useMe } from '../api/auth.ts';
import { useAccess } from '../access.ts';
import { LocaleSwitch, useLocaleSync } from '../components/LocaleSwitch.tsx';
import { PasswordForm } from '../components/PasswordForm.tsx';
import { RoleTag } from '../components/tags.tsx';
import { useT } from '../locales/index.tsx';
import { HOME_PATH, MENU_GROUPS, ROUTES, routeByName, type AppRoute } from '../routes.ts';
import { matchAppRoute } from './matchRoute.ts';
import { AlertBell } from '../pages/qa/alerts/AlertBell.tsx';

type MenuItem = NonNullable<MenuProps['items']>[number];

export function BasicLayout() {
  const { t } = useT();
  const { message } = App.useApp();
  const me = useMe().data;
  const acc = useAccess();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  useLocaleSync(me);

  const current = matchAppRoute(location.pathname);
  const selected = current?.hideInMenu && current.parent ? routeByName(current.parent) : current;

  useEffect(() => {
    document.title = current ? `${t(current.name)} · ${t('app.name')}` : t('app.name');
  }, [current, t]);

  const items = useMemo<MenuItem[]>(() => {
    const visible = ROUTES.filter((r) => !r.hideInMenu && acc[r.access]);
    const toItem = (r: AppRoute): MenuItem => ({
      key: r.path,
      icon: r.icon ? createElement(r.icon) : undefined,
      label: <Link to={r.path}>{t(r.name)}</Link>,
    });
    const out: MenuItem[] = [];
    const placed = new Set<string>();
    for (const r of visible) {
      if (!r.group) out.push(toItem(r));
      else if (!placed.has(r.group)) {
        placed.add(r.group);
        const group = MENU_GROUPS.find((g) => g.name === r.group);
        out.push({
          key: r.group,
          icon: group ? createElement(group.icon) : undefined,
          label: t(r.group),
          children: visible.filter((x) => x.group === r.group).map(toItem),
        });
      }
    }
    return out;
  }, [acc, t]);

  const crumbs = [
    { title: <Link to={HOME_PATH}>{t('menu.dashboard')}</Link> },
    ...(current && current.path !== HOME_PATH
      ? [
          ...(current.group ? [{ title: t(current.group) }] : []),
          ...(selected && selected !== current ? [{ title: <Link to={selected.path}>{t(selected.name)}</Link> }] : []),
          { title: t(current.name) },
        ]
      : []),
  ];

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    ...(acc.isAdmin ? [{ key: 'docs', icon: <ApiOutlined />, label: t('header.apiDocs') }] : []),
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'docs') window.open('/api/docs', '_blank', 'noopener');
    if (key === 'logout')
      logout.mutate(undefined, {
        onSuccess: () => {
          void message.success(t('header.signedOut'));
          navigate('/login');
        },
      });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        theme="dark"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to={HOME_PATH}>
          <Flex align="center" gap={8} style={{ height: 56, padding: '0 20px', color: '#fff', overflow: 'hidden' }}>
            <span style={{ fontSize: 22 }} aria-hidden>
              ⎈
            </span>
            {collapsed ? null : <strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>{t('app.name')}</strong>}
          </Flex>
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected.path] : []}
          defaultOpenKeys={MENU_GROUPS.map((g) => g.name)}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Breadcrumb items={crumbs} style={{ flex: 1 }} />
          {acc.canHandleAlerts ? <AlertBell /> : null}
          <LocaleSwitch />
          {me ? (
            <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} placement="bottomRight">
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <Typography.Text>{me.name}</Typography.Text>
                <RoleTag role={me.role} />
              </Space>
            </Dropdown>
          ) : null}
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Modal
        open={passwordOpen}
        title={t('password.title')}
        footer={null}
        onCancel={() => setPasswordOpen(false)}
        destroyOnHidden
      >
        <PasswordForm onDone={() => setPasswordOpen(false)} />
      </Modal>
    </Layout>
  );
}
