/** 政策找企业: the policy library (title, 文号, 发文单位, 申报窗口 with days left, benefits, status); a
 *  title opens the policy's drawer with its conditions and the firms it finds; 我的推送 lists the
 *  firms I am to tell. The tab and the open policy live in the URL (?tab=pushes, ?policy=<id>). */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Switch, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import { type Policy, usePolicies } from '../../api/policies';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { useUrlParams } from '../../lib/use-url-params';
import { benefitText, DeadlineTag, windowText } from './format';
import { PolicyDrawer } from './policy-drawer';
import { PolicyEditor } from './policy-editor';
import { PushesTab } from './pushes-tab';

function PolicyLibrary({ me, onOpen }: { me: Me; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const p = useMessages().policies;
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = usePolicies({ q: q || undefined, open: open || undefined, ...paging });
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Policy> = [
    {
      key: 'title',
      title: p.col.title,
      render: (_, r) => (
        <Typography.Link onClick={() => onOpen(r.id)} data-testid={`policy-open-${r.id}`}>
          {r.title}
        </Typography.Link>
      ),
    },
    { key: 'documentNo', title: p.col.documentNo, dataIndex: 'documentNo', render: (v) => v ?? '—' },
    { key: 'issuer', title: p.col.issuer, dataIndex: 'issuer', width: 180 },
    {
      key: 'window',
      title: p.col.window,
      width: 215,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{windowText(r)}</span>
          <DeadlineTag applyFrom={r.applyFrom} applyTo={r.applyTo} />
        </Flex>
      ),
    },
    {
      key: 'benefits',
      title: p.col.benefits,
      render: (_, r) =>
        r.benefits.length === 0 ? (
          '—'
        ) : (
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: true }}>
            {r.benefits.map((b) => benefitText(b, p)).join('；')}
          </Typography.Paragraph>
        ),
    },
    {
      key: 'status',
      title: p.col.status,
      width: 80,
      render: (_, r) => (
        <Tag color={r.status === 'published' ? 'green' : 'default'}>{p.statuses[r.status]}</Tag>
      ),
    },
  ];

  return (
    <Card styles={{ body: { paddingTop: 16 } }}>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={p.searchPlaceholder}
          style={{ maxWidth: 360 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPaging((s) => ({ ...s, page: 1 }));
          }}
          data-testid="policy-search"
        />
        {hasAnyRole(me, ['admin', 'leader', 'officer']) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="policy-create"
          >
            {p.editor.create}
          </Button>
        )}
        <Flex gap={8} align="center">
          <Switch
            checked={open}
            onChange={(v) => {
              setOpen(v);
              setPaging((s) => ({ ...s, page: 1 }));
            }}
            data-testid="policy-open-only"
          />
          <span>{p.onlyOpen}</span>
        </Flex>
      </Flex>
      {creating && (
        <PolicyEditor
          onClose={(saved) => {
            setCreating(false);
            if (saved) onOpen(saved.id);
          }}
        />
      )}
      <Table<Policy>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: list.error ? list.error.message : p.empty }}
        data-testid="policies-table"
        scroll={{ x: 980 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
}

export function PoliciesPage({ me }: { me: Me }) {
  const p = useMessages().policies;
  const [params, patch] = useUrlParams();
  const tab = params.get('tab') === 'pushes' ? 'pushes' : 'library';
  const policyId = params.get('policy') ?? undefined;
  const set = (key: string, value: string | null) => patch({ [key]: value });

  return (
    <>
      <PageHeader title={p.title} subtitle={p.subtitle} />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k === 'pushes' ? 'pushes' : null)}
        data-testid="policies-tabs"
        items={[
          {
            key: 'library',
            label: p.tabs.library,
            children: <PolicyLibrary me={me} onOpen={(id) => set('policy', id)} />,
          },
          { key: 'pushes', label: p.tabs.pushes, children: <PushesTab me={me} /> },
        ]}
      />
      {policyId && <PolicyDrawer id={policyId} me={me} onClose={() => set('policy', null)} />}
    </>
  );
}
