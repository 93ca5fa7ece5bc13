/** Columns of the 用户管理 table, with 编辑, 重置密码 and 停用/启用 (confirmed first). */
import { App, Badge, Button, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../src/shared/api';
import type { Role } from '../../../../src/shared/roles';
import { useUpdateUser } from '../../api/users';
import { RoleTags } from '../../components/role-tags';
import { useApiError } from '../../components/use-api-error';
import { formatTime } from '../../lib/format';

function ToggleDisabled({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUser();
  const showError = useApiError();
  const disabling = !user.disabled;
  const run = () =>
    update.mutate(
      { id: user.id, version: user.version, disabled: disabling },
      {
        onSuccess: () => message.success(disabling ? t('users.disabledDone') : t('users.enabledDone')),
        onError: (e) => showError(e),
      },
    );
  return (
    <Popconfirm
      title={
        disabling
          ? t('users.disableConfirm', { name: user.displayName })
          : t('users.enableConfirm', { name: user.displayName })
      }
      onConfirm={run}
      okButtonProps={{ danger: disabling }}
      disabled={self}
    >
      <Button size="small" type="link" danger={disabling} disabled={self} loading={update.isPending}>
        {disabling ? t('users.disable') : t('users.enable')}
      </Button>
    </Popconfirm>
  );
}

type Handlers = { meId: string; onEdit: (u: User) => void; onReset: (u: User) => void };

export function useUserColumns({ meId, onEdit, onReset }: Handlers): TableColumnsType<User> {
  const { t } = useTranslation();
  return [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 150,
      render: (v: string, u) => (
        <Typography.Text strong>
          {v}
          {u.id === meId && <Typography.Text type="secondary">{t('users.self')}</Typography.Text>}
        </Typography.Text>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 160 },
    { title: t('users.roles'), dataIndex: 'roles', render: (roles: Role[]) => <RoleTags roles={roles} /> },
    { title: t('users.org'), dataIndex: 'orgName', width: 140 },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (disabled: boolean) =>
        disabled ? (
          <Badge status="default" text={t('users.disabled')} />
        ) : (
          <Badge status="success" text={t('users.active')} />
        ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (v: string | null) =>
        v ? formatTime(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => onEdit(u)}>
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" onClick={() => onReset(u)}>
            {t('users.resetPassword')}
          </Button>
          <ToggleDisabled user={u} self={u.id === meId} />
        </Space>
      ),
    },
  ];
}
