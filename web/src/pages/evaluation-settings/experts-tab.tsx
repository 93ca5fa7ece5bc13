/** 专家库: the experts the committee is drawn from — name, affiliation, fields, their login (an account
 *  with the 技术委员会专家 role, so they can score under 我的评审) and the interests they declared. Admins
 *  add experts; the firms an expert declares make the server mark them conflicted on those firms. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type Expert, useExperts, useExpertUsers } from '../../api/evaluation';
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
  const userName = new Map((users.data ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  const columns: TableColumnsType<Expert> = [
    { title: x.name, dataIndex: 'name', width: 120 },
    { title: x.affiliation, dataIndex: 'affiliation', render: (v: string | null) => v ?? '—' },
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
      render: (a: boolean) => (a ? <Tag color="green">{x.active}</Tag> : <Tag>{x.inactive}</Tag>),
    },
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
        onRow={(e) => ({ className: 'expert-row', 'data-testid': `expert-row-${e.name}` })}
        data-testid="experts-table"
      />
      {adding && <ExpertModal users={users.data ?? []} onClose={() => setAdding(false)} />}
    </Flex>
  );
}
