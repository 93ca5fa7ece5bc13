/** 目标清单: the org's saved target lists (name, chain, node, firms, when), each opened in a drawer
 *  with its firms, scores and factor points as saved, or downloaded as XLSX. Admins, leaders and
 *  officers turn a firm of a list into a 招商项目 lead (转为线索). */
import { AimOutlined, EyeOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type TargetItem,
  type TargetListSummary,
  targetListExportUrl,
  useTargetList,
  useTargetLists,
} from '../../api/chains';
import { isApiError } from '../../api/client';
import { hasAnyRole, useMe } from '../../api/me';
import { useLeadFromTarget } from '../../api/projects';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { formatTime } from '../../lib/format';
import { FactorBars, FactorTable, ScoreCell, WeightTags } from './target-factors';

function ExportButton({ id, size }: { id: string; size?: 'small' }) {
  const l = useMessages().chains.targets.lists;
  return (
    <Button
      size={size}
      type={size ? 'link' : 'default'}
      icon={<FileExcelOutlined />}
      href={targetListExportUrl(id)}
      download
      data-testid="target-list-export"
    >
      {l.export}
    </Button>
  );
}

/** 转为线索: the firm becomes a 线索 in 招商项目; the message links to it. A firm already chased in the
 *  city (409 project.duplicate) shows the server's warning instead. */
function LeadButton({ listId, item }: { listId: string; item: TargetItem }) {
  const lead = useMessages().projects.lead;
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const make = useLeadFromTarget();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Button
      size="small"
      type="link"
      icon={<AimOutlined />}
      loading={make.isPending}
      disabled={!!done}
      onClick={() =>
        make.mutate(
          { listId, enterpriseId: item.enterpriseId },
          {
            onSuccess: (p) => {
              setDone(p.id);
              message.success({
                key: `lead-${p.id}`,
                duration: 6,
                content: (
                  <span data-testid="lead-created">
                    {lead.done}
                    {p.name}
                    <Typography.Link
                      style={{ marginInlineStart: 8 }}
                      onClick={() => navigate(`/projects?project=${p.id}`)}
                      data-testid="lead-open"
                    >
                      {lead.open}
                    </Typography.Link>
                  </span>
                ),
              });
            },
            onError: (err) => {
              if (isApiError(err, 'project.duplicate')) message.warning(err.message);
              else showError(err);
            },
          },
        )
      }
      data-testid="target-lead"
    >
      {lead.action}
    </Button>
  );
}

function ListDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const c = useMessages().chains;
  const t = c.targets;
  const l = t.lists;
  const list = useTargetList(id);
  const d = list.data;
  const canLead = hasAnyRole(useMe().data, ['admin', 'leader', 'officer']);
  return (
    <Drawer
      open
      size={860}
      onClose={onClose}
      title={d?.name ?? ' '}
      extra={<ExportButton id={id} />}
      data-testid="target-list-drawer"
    >
      {list.error ? (
        <Alert type="error" showIcon title={l.loadFailed} description={list.error.message} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={2} bordered styles={{ label: { width: 96 } }}>
            <Descriptions.Item label={l.chain}>{d.chainName}</Descriptions.Item>
            <Descriptions.Item label={l.created}>{formatTime(d.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={l.node} span={2}>
              {d.nodePath}
            </Descriptions.Item>
            <Descriptions.Item label={l.weights} span={2}>
              <WeightTags weights={d.weights} />
            </Descriptions.Item>
          </Descriptions>
          <Table<TargetItem>
            rowKey="enterpriseId"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
            expandable={{ expandedRowRender: (x) => <FactorTable factors={x.factors} /> }}
            data-testid="target-list-items"
            columns={[
              { key: 'rank', title: t.col.rank, width: 56, align: 'center', render: (_, _x, i) => i + 1 },
              {
                key: 'name',
                title: t.col.name,
                render: (_, x) => <Link to={`/enterprises/${x.enterpriseId}`}>{x.name}</Link>,
              },
              {
                key: 'score',
                title: t.col.score,
                width: 86,
                render: (_, x) => <ScoreCell score={x.score} />,
              },
              {
                key: 'factors',
                title: t.col.factors,
                width: 360,
                render: (_, x) => <FactorBars factors={x.factors} />,
              },
              ...(canLead
                ? [
                    {
                      key: 'lead',
                      title: l.actions,
                      width: 110,
                      render: (_: unknown, x: TargetItem) => <LeadButton listId={id} item={x} />,
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

export function TargetLists() {
  const l = useMessages().chains.targets.lists;
  const lists = useTargetLists();
  const [open, setOpen] = useState<string | null>(null);

  const columns: TableColumnsType<TargetListSummary> = [
    {
      key: 'name',
      title: l.name,
      render: (_, r) => (
        <Typography.Link strong onClick={() => setOpen(r.id)} data-testid="target-list-name">
          {r.name}
        </Typography.Link>
      ),
    },
    { key: 'chain', title: l.chain, width: 130, render: (_, r) => r.chainName },
    {
      key: 'node',
      title: l.node,
      render: (_, r) => <Typography.Text type="secondary">{r.nodePath}</Typography.Text>,
    },
    { key: 'firms', title: l.firms, width: 80, align: 'right', render: (_, r) => r.firms },
    { key: 'created', title: l.created, width: 170, render: (_, r) => formatTime(r.createdAt) },
    {
      key: 'actions',
      title: l.actions,
      width: 190,
      render: (_, r) => (
        <Flex gap={0}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            onClick={() => setOpen(r.id)}
            data-testid="target-list-view"
          >
            {l.view}
          </Button>
          <ExportButton id={r.id} size="small" />
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {l.intro}
      </Typography.Text>
      {lists.error ? (
        <Alert type="error" showIcon title={l.loadFailed} description={lists.error.message} />
      ) : (
        <Table<TargetListSummary>
          rowKey="id"
          size="small"
          loading={lists.isPending}
          columns={columns}
          dataSource={lists.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
          locale={{ emptyText: l.empty }}
          onRow={(r) => ({ className: 'target-list-row', 'data-testid': `target-list-row-${r.name}` })}
          data-testid="target-lists"
        />
      )}
      {open && <ListDrawer id={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
