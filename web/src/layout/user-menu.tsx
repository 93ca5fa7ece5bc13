/** Header right side: org, roles and a dropdown with 修改密码, the language switch and 退出登录. */
import { DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Flex, Grid, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../src/shared/api';
import { useLogout } from '../api/me';
import { RoleTags } from '../components/role-tags';
import { currentLang, setLang } from '../i18n';
import { ChangePasswordModal } from './change-password-modal';
import { PATHS } from './paths';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();
  const [pwOpen, setPwOpen] = useState(false);
  const screens = Grid.useBreakpoint();

  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') setPwOpen(true);
    if (key === 'lang') void setLang(currentLang() === 'en-US' ? 'zh-CN' : 'en-US');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSettled: () => {
          message.success(t('header.loggedOut'));
          navigate(PATHS.login, { replace: true });
        },
      });
    }
  };

  return (
    <Flex align="center" gap={16}>
      {screens.md && (
        <Space size={4} wrap={false}>
          <Tag color="geekblue" data-testid="header-org">
            {me.org.name}
          </Tag>
          <span data-testid="header-roles">
            <RoleTags roles={me.roles} />
          </span>
        </Space>
      )}
      <Dropdown
        trigger={['click']}
        menu={{
          onClick,
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
            { key: 'lang', icon: <GlobalOutlined />, label: t('header.language') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
          ],
        }}
      >
        <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
          <Space>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1656d6' }} />
            <Typography.Text data-testid="header-user">{me.displayName}</Typography.Text>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Flex>
  );
}
