/** 节点表: every node of the chain in the XLSX's order and columns (环节, 节点, 本地企业, 营收, 高企,
 *  专精特新, 龙头, 强弱); a row opens the node's drawer, as clicking it on the map does. */
import { Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChainNode, type ChainTree, SEGMENTS, STRENGTHS } from '../../api/chains';
import { useMessages } from '../../i18n';
import { formatCount, formatMoney } from '../enterprises/format';
import { StrengthTag } from './strength';
import { depthFirst, indexNodes, pathOf } from './tree';

type Row = ChainNode & { path: string[] };

export function NodeTable({ tree, onOpen }: { tree: ChainTree; onOpen: (nodeId: string) => void }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const c = useMessages().chains;
  const rows = useMemo<Row[]>(() => {
    const index = indexNodes(tree.nodes);
    return depthFirst(index)
      .filter((n) => n.depth > 0)
      .map((n) => ({ ...n, path: pathOf(index, n.id).slice(1) }));
  }, [tree]);

  const num = (v: number) =>
    v === 0 ? <Typography.Text type="secondary">0</Typography.Text> : formatCount(v);
  const columns: TableColumnsType<Row> = [
    {
      key: 'segment',
      title: c.col.segment,
      width: 72,
      render: (_, r) => c.segments[r.segment],
      filters: SEGMENTS.map((s) => ({ text: c.segments[s], value: s })),
      onFilter: (v, r) => r.segment === v,
    },
    {
      key: 'node',
      title: c.col.node,
      width: 340,
      render: (_, r) => (
        <span style={{ paddingInlineStart: (r.depth - 1) * 20 }}>
          {r.path.length > 1 && (
            <Typography.Text type="secondary">{r.path.slice(0, -1).join(c.sep) + c.sep}</Typography.Text>
          )}
          <Typography.Link strong={r.depth === 1} data-testid="node-open">
            {r.name}
          </Typography.Link>
        </span>
      ),
    },
    {
      key: 'firms',
      title: c.col.firms,
      width: 90,
      align: 'right',
      render: (_, r) => num(r.figures.firms),
      sorter: (a, b) => a.figures.firms - b.figures.firms,
    },
    {
      key: 'revenue',
      title: c.col.revenue,
      width: 130,
      align: 'right',
      render: (_, r) => formatMoney(r.figures.revenue, en),
      sorter: (a, b) => a.figures.revenue - b.figures.revenue,
    },
    { key: 'hnte', title: c.col.hnte, width: 64, align: 'right', render: (_, r) => num(r.figures.hnte) },
    {
      key: 'specialized',
      title: c.col.specialized,
      width: 84,
      align: 'right',
      render: (_, r) => num(r.figures.specialized),
    },
    {
      key: 'leaders',
      title: c.col.leaders,
      width: 64,
      align: 'right',
      render: (_, r) => num(r.figures.leaders),
    },
    {
      key: 'strength',
      title: c.col.strength,
      width: 80,
      align: 'center',
      render: (_, r) => <StrengthTag strength={r.strength} />,
      filters: STRENGTHS.map((s) => ({ text: c.strengths[s], value: s })),
      onFilter: (v, r) => r.strength === v,
    },
    {
      key: 'reason',
      title: c.col.reason,
      ellipsis: { showTitle: false },
      render: (_, r) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: r.strengthReason }}>
          {r.strengthReason}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      onRow={(r) => ({
        onClick: () => onOpen(r.id),
        style: { cursor: 'pointer' },
        'data-testid': `node-row-${r.name}`,
      })}
      data-testid="node-table"
    />
  );
}
