/** The signed-in shell: side menu, header with the user, org and roles, and the page in the middle. */
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Layout, Menu, Spin, Typography, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../src/shared/api';
import { meKey } from '../api/me';
import { Logo } from '../components/logo';
import { API_DOCS_KEY, menuItems, selectedKey } from './nav';
import { UserMenu } from './user-menu';

const SIDER_KEY = 'kezhao.sider.collapsed';

export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_KEY) === '1');
  const { selected, open } = selectedKey(location.pathname);

  // Re-check the session on every navigation, so a disabled user or changed roles take effect at once.
  const { pathname } = location;
  // (pathname is read inside so the effect visibly depends on it: it must run on every navigation.)
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: meKey, refetchType: pathname ? 'active' : 'none' });
  }, [pathname, qc]);

  const toggle = () => {
    localStorage.setItem(SIDER_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={220}
        // The menu stays in view on a long page (a firm's profile, a report) instead of scrolling away.
        style={{
          boxShadow: '2px 0 8px rgba(0,0,0,.15)',
          position: 'sticky',
          top: 0,
          height: '100vh',
          overflow: 'auto',
        }}
      >
        <Logo collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={open}
          items={menuItems(me.roles, t)}
          onClick={({ key }) => {
            if (key !== API_DOCS_KEY && key !== location.pathname) navigate(key);
          }}
          data-testid="main-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px 0 8px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Flex align="center" gap={8}>
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggle}
                aria-label="toggle menu"
              />
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t('app.slogan')}
              </Typography.Text>
            </Flex>
            <UserMenu me={me} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '120px auto' }} />}>
            <Outlet context={me} />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary, padding: '12px 24px' }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
