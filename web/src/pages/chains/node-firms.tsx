/** The firms on one node, local or the target universe: name (to the profile), revenue, titles, 龙头,
 *  how sure the placement is and the words that caused it, its status; admins and officers 确认 or
 *  否决 (a rejected firm leaves the list). */
import { CheckOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type NodeFirm,
  type PlacementStatus,
  type Universe,
  useDecidePlacement,
  useNodeFirms,
} from '../../api/chains';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';
import { TIER_COLORS } from '../enterprises/enterprise-tags';
import { formatMoney } from '../enterprises/format';
import { FirmSelect } from '../projects/common';

const STATUS_COLOR: Record<PlacementStatus, string> = {
  auto: 'default',
  confirmed: 'success',
  added: 'processing',
  rejected: 'error',
};

function Decide({ nodeId, firm }: { nodeId: string; firm: NodeFirm }) {
  const c = useMessages().chains;
  const { message } = App.useApp();
  const showError = useApiError();
  const decide = useDecidePlacement();
  const run = (status: 'confirmed' | 'rejected') =>
    decide.mutate(
      { nodeId, enterpriseId: firm.enterpriseId, status },
      {
        onSuccess: () => message.success(`${c.statuses[status]}${c.colon}${firm.name}`),
        onError: (err) => showError(err),
      },
    );
  const pending = decide.isPending ? decide.variables?.status : undefined;
  return (
    <Flex gap={4}>
      {firm.status === 'auto' && (
        <Button
          size="small"
          type="link"
          icon={<CheckOutlined />}
          loading={pending === 'confirmed'}
          onClick={() => run('confirmed')}
          data-testid="firm-confirm"
        >
          {c.firm.confirm}
        </Button>
      )}
      <Popconfirm
        title={c.firm.rejectConfirm}
        onConfirm={() => run('rejected')}
        okButtonProps={{ danger: true, 'data-testid': 'firm-reject-ok' }}
      >
        <Button
          size="small"
          type="link"
          danger
          icon={<CloseOutlined />}
          loading={pending === 'rejected'}
          data-testid="firm-reject"
        >
          {c.firm.reject}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

export function NodeFirms({
  nodeId,
  universe,
  canDecide,
}: {
  nodeId: string;
  universe: Universe;
  canDecide: boolean;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const c = useMessages().chains;
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useNodeFirms(nodeId, { universe, ...paging });

  const columns: TableColumnsType<NodeFirm> = [
    {
      key: 'name',
      title: c.firm.name,
      render: (_, r) => (
        <Flex vertical gap={2} align="flex-start">
          <Flex gap={6} align="center" wrap>
            <Link to={`/enterprises/${r.enterpriseId}`}>{r.name}</Link>
            {r.leader && (
              <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="firm-leader">
                {c.col.leaders}
              </Tag>
            )}
          </Flex>
          {r.titles.length > 0 && (
            <Flex gap={4} wrap>
              {r.titles.map((k) => (
                <Tag key={k} color={TIER_COLORS[k] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                  {c.titles[k] ?? k}
                </Tag>
              ))}
            </Flex>
          )}
        </Flex>
      ),
    },
    {
      key: 'revenue',
      title: c.firm.revenue,
      width: 120,
      align: 'right',
      render: (_, r) =>
        r.revenue === null ? (
          '—'
        ) : (
          <Tooltip title={r.revenueYear ? fill(c.firm.year, { year: r.revenueYear }) : undefined}>
            {formatMoney(r.revenue, en)}
          </Tooltip>
        ),
    },
    {
      key: 'confidence',
      title: c.firm.confidence,
      width: 76,
      align: 'right',
      render: (_, r) => `${Math.round(r.confidence * 100)}%`,
    },
    {
      key: 'reasons',
      title: c.firm.reasons,
      width: 170,
      render: (_, r) => (
        <Flex gap={4} wrap data-testid="firm-reasons">
          {r.reasons.map((w) => (
            <Tag key={w} bordered={false} color="processing" style={{ marginInlineEnd: 0 }}>
              {w}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: c.firm.status,
      width: 92,
      render: (_, r) => (
        <Tooltip
          title={
            r.decidedBy
              ? fill(c.firm.decided, { who: r.decidedBy, time: formatTime(r.decidedAt) })
              : undefined
          }
        >
          <Tag color={STATUS_COLOR[r.status]} data-testid="firm-status">
            {c.statuses[r.status]}
          </Tag>
        </Tooltip>
      ),
    },
  ];
  if (canDecide)
    columns.push({
      key: 'actions',
      title: c.firm.actions,
      width: 150,
      render: (_, r) => <Decide nodeId={nodeId} firm={r} />,
    });

  return (
    <>
      {canDecide && <AddFirm nodeId={nodeId} />}
      <Table<NodeFirm>
        rowKey="enterpriseId"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.data}
        locale={{
          emptyText: list.error
            ? list.error.message
            : fill(c.firm.empty, { universe: c.universes[universe] }),
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          size: 'small',
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        data-testid={`node-firms-${universe}`}
      />
    </>
  );
}

/** 手工添加: a firm the automatic placement missed, put on the node by hand (kept over re-runs). */
function AddFirm({ nodeId }: { nodeId: string }) {
  const c = useMessages().chains;
  const { message } = App.useApp();
  const showError = useApiError();
  const decide = useDecidePlacement();
  const [firm, setFirm] = useState<{ id: string; name: string } | null>(null);
  return (
    <Flex gap={8} style={{ marginBottom: 12 }}>
      <div style={{ flex: 1 }}>
        <FirmSelect
          value={firm?.id}
          onChange={(id, name) => setFirm({ id, name })}
          placeholder={c.firm.addPlaceholder}
          testId="firm-add-select"
        />
      </div>
      <Button
        icon={<PlusOutlined />}
        disabled={!firm}
        loading={decide.isPending}
        data-testid="firm-add"
        onClick={() =>
          firm &&
          decide.mutate(
            { nodeId, enterpriseId: firm.id, status: 'added' },
            {
              onSuccess: () => {
                message.success(fill(c.firm.added, { name: firm.name }));
                setFirm(null);
              },
              onError: (err) => showError(err),
            },
          )
        }
      >
        {c.firm.add}
      </Button>
    </Flex>
  );
}
