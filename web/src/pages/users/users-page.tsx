/** 用户管理: search and filter, create, edit, 停用/启用 and 重置密码. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me, User } from '../../../../src/shared/api';
import { useOrgs } from '../../api/orgs';
import { useUsers } from '../../api/users';
import { PageHeader } from '../../components/page-header';
import { orgTreeSelectData } from '../../lib/org-tree';
import { ResetPasswordModal } from './reset-password-modal';
import { useUserColumns } from './user-columns';
import { UserFormModal } from './user-form-modal';

export function UsersPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const orgs = useOrgs();
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const users = useUsers({ q: q || undefined, orgId, ...paging });
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const [resetting, setResetting] = useState<User | null>(null);
  const columns = useUserColumns({ meId: me.id, onEdit: setEditing, onReset: setResetting });

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 16 } }}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            data-testid="user-search"
          />
          <TreeSelect
            allowClear
            placeholder={t('users.orgFilter')}
            style={{ width: 240 }}
            value={orgId}
            treeData={orgTreeSelectData(orgs.data ?? [])}
            treeDefaultExpandAll
            onChange={(v?: string) => {
              setOrgId(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          />
        </Flex>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching && !users.data}
          scroll={{ x: 1000 }}
          data-testid="users-table"
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
        />
      </Card>
      <UserFormModal editing={editing} defaultOrgId={me.org.id} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
