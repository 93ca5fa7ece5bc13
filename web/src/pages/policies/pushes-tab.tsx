/** 我的推送: the firms I am to tell about a policy, soonest deadline first; 已告知 takes a note, 转交
 *  hands one push to a colleague; the same list downloads as XLSX. */
import { CheckOutlined, DownloadOutlined, SwapOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Modal,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import { type Push, type PushQuery, pushesExportUrl, usePushes, useUpdatePush } from '../../api/policies';
import { useMessages } from '../../i18n';
import { DeadlineTag } from './format';
import { HandOverModal } from './hand-over-modal';
import { usePushError } from './use-push-error';

const WRITERS = ['admin', 'leader', 'officer'] as const;

function ToldModal({ push, onClose }: { push: Push; onClose: () => void }) {
  const p = useMessages().policies;
  const { message } = App.useApp();
  const update = useUpdatePush();
  const onError = usePushError(onClose);
  const [note, setNote] = useState(push.note ?? '');
  const submit = () =>
    update.mutate(
      { id: push.id, version: push.version, status: 'told', note: note.trim() || null },
      {
        onSuccess: () => {
          message.success(p.pushes.toldDone);
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={`${p.pushes.toldTitle} · ${push.enterpriseName}`}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={update.isPending}
      okButtonProps={{ id: 'told-submit' }}
    >
      <Typography.Paragraph type="secondary">{push.policyTitle}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={p.pushes.notePlaceholder}
        aria-label={p.pushes.note}
        data-testid="told-note"
      />
    </Modal>
  );
}

export function PushesTab({ me }: { me: Me }) {
  const { t } = useTranslation();
  const p = useMessages().policies;
  const [showTold, setShowTold] = useState(false);
  // A leader or admin sees whose pushes are still waiting, not only their own: work handed out is
  // otherwise invisible to whoever handed it out.
  const canSeeAll = hasAnyRole(me, ['admin', 'leader']);
  const [everyone, setEveryone] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [telling, setTelling] = useState<Push | null>(null);
  const [handing, setHanding] = useState<Push | null>(null);
  const filter: Omit<PushQuery, 'page' | 'pageSize'> = {
    mine: !everyone,
    status: showTold ? undefined : 'pending',
  };
  const list = usePushes({ ...filter, ...paging });
  const canWrite = hasAnyRole(me, WRITERS);

  const columns: TableColumnsType<Push> = [
    {
      key: 'enterprise',
      title: p.pushes.enterprise,
      render: (_, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{r.enterpriseName}</Link>,
    },
    {
      key: 'policy',
      title: p.pushes.policy,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.policyTitle}</span>
          {r.documentNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.documentNo}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(everyone
      ? [
          {
            key: 'owner',
            title: p.pushes.owner,
            width: 110,
            render: (_: unknown, r: Push) => r.ownerName ?? '—',
          },
        ]
      : []),
    {
      key: 'due',
      title: p.pushes.due,
      width: 190,
      render: (_, r) => (
        <Flex gap={8} align="center" wrap>
          <span>{r.dueOn ?? '—'}</span>
          {r.status === 'pending' && <DeadlineTag applyTo={r.dueOn} />}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: p.pushes.status,
      width: 100,
      render: (_, r) => (
        <Tag color={r.status === 'told' ? 'green' : 'orange'} data-testid={`push-status-${r.id}`}>
          {p.pushStatuses[r.status]}
        </Tag>
      ),
    },
    { key: 'note', title: p.pushes.note, dataIndex: 'note', render: (v) => v ?? '—' },
  ];
  if (canWrite)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 190,
      render: (_, r) =>
        r.status === 'pending' ? (
          <Flex gap={8}>
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => setTelling(r)}
              data-testid="push-told"
            >
              {p.pushes.told}
            </Button>
            <Button
              size="small"
              icon={<SwapOutlined />}
              onClick={() => setHanding(r)}
              data-testid="push-hand-over"
            >
              {p.pushes.handOver}
            </Button>
          </Flex>
        ) : null,
    });

  return (
    <Card styles={{ body: { paddingTop: 16 } }}>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          {everyone ? p.pushes.subtitleAll : p.pushes.subtitle}
        </Typography.Text>
        <Flex gap={16} align="center">
          {canSeeAll && (
            <Flex gap={8} align="center">
              <Switch
                checked={everyone}
                onChange={(v) => {
                  setEveryone(v);
                  setPaging((s) => ({ ...s, page: 1 }));
                }}
                data-testid="pushes-everyone"
              />
              <span>{p.pushes.everyone}</span>
            </Flex>
          )}
          <Flex gap={8} align="center">
            <Switch
              checked={showTold}
              onChange={(v) => {
                setShowTold(v);
                setPaging((s) => ({ ...s, page: 1 }));
              }}
              data-testid="pushes-show-told"
            />
            <span>{p.pushes.showTold}</span>
          </Flex>
          <Button
            icon={<DownloadOutlined />}
            href={pushesExportUrl(filter)}
            download
            data-testid="pushes-export"
          >
            {p.pushes.export}
          </Button>
        </Flex>
      </Flex>
      <Table<Push>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        locale={{ emptyText: list.error ? list.error.message : p.pushes.empty }}
        data-testid="pushes-table"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {telling && <ToldModal push={telling} onClose={() => setTelling(null)} />}
      {handing && <HandOverModal push={handing} onClose={() => setHanding(null)} />}
    </Card>
  );
}
