/** 专家库: the experts the committee is drawn from — name, affiliation, fields, their login (an account
 *  with the 技术委员会专家 role, so they can score under 我的评审) and the interests they declared. Admins
 *  add and edit experts (the same form) and retire or restore them; the firms an expert declares, and
 *  their employer, make the server mark them conflicted on those firms when assigned. A retired (停用)
 *  expert cannot be assigned again; the reviews they already have are kept. */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { type Expert, useExperts, useExpertUsers, useUpdateExpert } from '../../api/evaluation';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { ExpertModal } from './expert-modal';

export function ExpertsTab({ canEdit }: { canEdit: boolean }) {
  const m = useMessages().evaluationSettings;
  const x = m.experts;
  const experts = useExperts();
  // The user list is for admins only (the server refuses others); leaders see whether a login is linked.
  const users = useExpertUsers(canEdit);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Expert | null>(null);
  const { message } = App.useApp();
  const onError = useApiError();
  const update = useUpdateExpert();
  // Not awaited by the confirmation: it closes at once, before the refetched row would flip its text.
  const setActive = (e: Expert, active: boolean) =>
    update.mutate(
      { id: e.id, active },
      {
        onSuccess: () => message.success(fill(active ? x.activated : x.deactivated, { name: e.name })),
        onError: (err) => onError(err),
      },
    );
  const userName = new Map((users.data ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  const columns: TableColumnsType<Expert> = [
    {
      title: x.name,
      dataIndex: 'name',
      width: 120,
      render: (name: string, e) =>
        e.active ? name : <Typography.Text type="secondary">{name}</Typography.Text>,
    },
    { title: x.affiliation, dataIndex: 'affiliation', render: (v: string | null) => v || '—' },
    {
      title: x.fields,
      dataIndex: 'fields',
      render: (fs: string[]) => (
        <Flex gap={4} wrap>
          {fs.map((f) => (
            <Tag key={f} color="blue" style={{ marginInlineEnd: 0 }}>
              {f}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: x.user,
      dataIndex: 'userId',
      width: 180,
      render: (id: string | null) =>
        id ? (
          (userName.get(id) ?? <Tag color="green">✓</Tag>)
        ) : (
          <Typography.Text type="secondary">{x.noUser}</Typography.Text>
        ),
    },
    {
      title: x.declared,
      key: 'declared',
      render: (_, e) =>
        e.declaredFirmIds.length || e.declaration ? (
          <Flex vertical gap={2} data-testid="expert-declared">
            {e.declaredFirmIds.length > 0 && (
              <Tag color="orange" style={{ width: 'fit-content' }}>
                {fill(x.declaredFirms, { n: e.declaredFirmIds.length })}
              </Tag>
            )}
            {e.declaration && (
              <Tooltip title={e.declaration}>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
                  {e.declaration}
                </Typography.Text>
              </Tooltip>
            )}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: x.state,
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) =>
        a ? (
          <Tag color="green">{x.active}</Tag>
        ) : (
          <Tag color="default" data-testid="expert-inactive">
            {x.inactive}
          </Tag>
        ),
    },
    ...(canEdit
      ? [
          {
            title: x.actions,
            key: 'actions',
            width: 130,
            render: (_: unknown, e: Expert) => (
              <Flex gap={4}>
                <Button type="link" size="small" onClick={() => setEditing(e)} data-testid="expert-edit">
                  {x.edit}
                </Button>
                <Popconfirm
                  title={fill(e.active ? x.deactivateTitle : x.activateTitle, { name: e.name })}
                  description={
                    <div style={{ maxWidth: 280 }}>{e.active ? x.deactivateHint : x.activateHint}</div>
                  }
                  okText={e.active ? x.deactivate : x.activate}
                  okButtonProps={{ danger: e.active, 'data-testid': 'expert-toggle-ok' }}
                  onConfirm={() => setActive(e, !e.active)}
                >
                  <Button
                    type="link"
                    size="small"
                    danger={e.active}
                    loading={update.isPending && update.variables?.id === e.id}
                    data-testid="expert-toggle"
                  >
                    {e.active ? x.deactivate : x.activate}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          } satisfies TableColumnsType<Expert>[number],
        ]
      : []),
  ];
  return (
    <Flex vertical gap={12} data-testid="experts-tab">
      {canEdit && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="expert-add"
          >
            {x.add}
          </Button>
        </Flex>
      )}
      {experts.error && (
        <Alert type="error" showIcon title={m.loadFailed} description={experts.error.message} />
      )}
      <Table<Expert>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={experts.data?.items ?? []}
        loading={experts.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: x.empty }}
        onRow={(e) => ({
          className: e.active ? 'expert-row' : 'expert-row expert-row-inactive',
          'data-testid': `expert-row-${e.name}`,
          style: e.active ? undefined : { background: 'var(--ant-color-fill-quaternary, #fafafa)' },
        })}
        data-testid="experts-table"
      />
      {adding && <ExpertModal users={users.data ?? []} onClose={() => setAdding(false)} />}
      {editing && (
        <ExpertModal
          key={editing.id}
          users={users.data ?? []}
          expert={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
