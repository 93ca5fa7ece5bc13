/** The side panel: one entity in detail — name, type, 统一社会信用代码, its profile, 展开关系, 设为中心,
 *  设为起点/终点, its relations shown — and for a firm its 最终控制人 (the shareholding chain with each
 *  share and the product) and 集团成员; or the list of every entity shown, which opens the same detail. */
import {
  AimOutlined,
  ArrowRightOutlined,
  ExpandAltOutlined,
  FlagOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { Alert, Button, Divider, Empty, Flex, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type GraphEdge, type GraphEntity, useController, useGroup } from '../../api/graph';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { EDGE_STYLE, edgeText, NODE_STYLE, nodeType, percent, type Shown } from './model';

type ShownNode = Shown['nodes'][number];

export function TypeTag({ e }: { e: Pick<GraphEntity, 'type' | 'universe'> }) {
  const g = useMessages().graph;
  const t = nodeType(e);
  return (
    <Tag color={NODE_STYLE[t].color} style={{ marginInlineEnd: 0 }} data-testid="entity-type">
      {g.types[t]}
    </Tag>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Flex vertical gap={6}>
      <Flex align="baseline" gap={8} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        {intro && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {intro}
          </Typography.Text>
        )}
      </Flex>
      {children}
    </Flex>
  );
}

function ControllerSection({ id, onPick }: { id: string; onPick: (id: string) => void }) {
  const g = useMessages().graph;
  const c = useController(id);
  const d = c.data;
  return (
    <Section title={g.controller.title} intro={g.controller.intro}>
      <div data-testid="controller">
        {c.isPending ? (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        ) : c.error ? (
          <Alert type="error" title={c.error.message} />
        ) : !d?.controller || d.path.length < 2 ? (
          <Typography.Text type="secondary">
            {d?.controller ? g.controller.self : g.controller.none}
          </Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            <Flex align="center" gap={4} wrap data-testid="controller-path">
              {d.path.map((step, i) => (
                <Flex key={step.entity.id} align="center" gap={4}>
                  {i > 0 && d.path[i - 1].share !== null && (
                    <Typography.Text style={{ fontSize: 12, color: '#cf1322', whiteSpace: 'nowrap' }}>
                      {percent(d.path[i - 1].share as number)}
                      <ArrowRightOutlined style={{ marginInlineStart: 2 }} />
                    </Typography.Text>
                  )}
                  <Tag
                    color={i === 0 ? NODE_STYLE[nodeType(step.entity)].color : undefined}
                    style={{ marginInlineEnd: 0, cursor: 'pointer' }}
                    onClick={() => onPick(step.entity.id)}
                  >
                    {step.entity.name}
                  </Tag>
                </Flex>
              ))}
            </Flex>
            {d.product !== null && (
              <Flex align="baseline" gap={8}>
                <Typography.Text type="secondary">{g.controller.product}</Typography.Text>
                <Typography.Text
                  strong
                  style={{ fontSize: 18, color: '#cf1322' }}
                  data-testid="controller-product"
                >
                  {percent(d.product)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.path
                    .slice(0, -1)
                    .map((s) => (s.share === null ? '?' : percent(s.share)))
                    .join(' × ')}
                </Typography.Text>
              </Flex>
            )}
          </Flex>
        )}
      </div>
    </Section>
  );
}

function GroupSection({ id, onPick }: { id: string; onPick: (id: string) => void }) {
  const g = useMessages().graph;
  const q = useGroup(id);
  const members = q.data?.members ?? [];
  return (
    <Section title={g.group.title} intro={g.group.intro}>
      <div data-testid="group">
        {q.isPending ? (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        ) : q.error ? (
          <Alert type="error" title={q.error.message} />
        ) : members.length === 0 ? (
          <Typography.Text type="secondary">{g.group.none}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {members.map((m) => (
              <Flex key={m.entity.id} justify="space-between" gap={8}>
                <Typography.Link onClick={() => onPick(m.entity.id)} ellipsis style={{ maxWidth: 240 }}>
                  {m.entity.name}
                </Typography.Link>
                <Typography.Text type="secondary">{percent(m.share)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
      </div>
    </Section>
  );
}

function Relations({ node, shown, onPick }: { node: ShownNode; shown: Shown; onPick: (id: string) => void }) {
  const { i18n } = useTranslation();
  const g = useMessages().graph;
  const names = new Map(shown.nodes.map((n) => [n.id, n.name]));
  const mine = shown.edges.filter((e) => e.from === node.id || e.to === node.id);
  if (mine.length === 0) return null;
  const row = (e: GraphEdge) => {
    const out = e.from === node.id;
    const other = out ? e.to : e.from;
    return (
      <Flex key={e.id} gap={6} align="center" style={{ fontSize: 12 }}>
        <Tag
          bordered={false}
          style={{ marginInlineEnd: 0, color: EDGE_STYLE[e.kind].color, background: '#fafafa', flex: 'none' }}
        >
          {out ? '→' : '←'} {edgeText(e, g.kinds, i18n.language === 'en-US')}
        </Tag>
        <Tooltip title={e.source}>
          <Typography.Link onClick={() => onPick(other)} ellipsis style={{ maxWidth: 220, fontSize: 12 }}>
            {names.get(other)}
          </Typography.Link>
        </Tooltip>
      </Flex>
    );
  };
  return (
    <Section title={`${g.panel.relations}（${mine.length}）`}>
      <Flex vertical gap={4} data-testid="entity-relations">
        {mine.slice(0, 30).map(row)}
      </Flex>
    </Section>
  );
}

export function EntityDetail({
  node,
  shown,
  isCenter,
  expanded,
  expanding,
  onExpand,
  onCenter,
  onFrom,
  onTo,
  onPick,
}: {
  node: ShownNode;
  shown: Shown;
  isCenter: boolean;
  expanded: boolean;
  expanding: boolean;
  onExpand: () => void;
  onCenter: () => void;
  onFrom: () => void;
  onTo: () => void;
  onPick: (id: string) => void;
}) {
  const g = useMessages().graph;
  const p = g.panel;
  const firm = node.type === 'enterprise';
  return (
    <Flex vertical gap={12} data-testid="entity-detail">
      <Flex vertical gap={6}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="entity-name">
          {node.name}
        </Typography.Title>
        <Flex gap={6} wrap align="center">
          <TypeTag e={node} />
          {isCenter && <Tag style={{ marginInlineEnd: 0 }}>{p.centerTag}</Tag>}
          {node.depth !== null && node.depth > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {`${p.depth}${g.colon}${fill(p.depthN, { n: node.depth })}`}
            </Typography.Text>
          )}
        </Flex>
        {firm && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            copyable={node.uscc ? { text: node.uscc } : false}
          >
            {`${p.uscc}${g.colon}${node.uscc ?? '—'}`}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={8} wrap>
        <Button
          size="small"
          type="primary"
          ghost
          icon={<ExpandAltOutlined />}
          disabled={expanded}
          loading={expanding}
          onClick={onExpand}
          data-testid="entity-expand"
        >
          {expanded ? p.expanded : p.expand}
        </Button>
        {!isCenter && (
          <Button size="small" icon={<AimOutlined />} onClick={onCenter} data-testid="entity-center">
            {p.center}
          </Button>
        )}
        <Button size="small" icon={<FlagOutlined />} onClick={onFrom} data-testid="entity-from">
          {p.from}
        </Button>
        <Button size="small" icon={<FlagOutlined />} onClick={onTo} data-testid="entity-to">
          {p.to}
        </Button>
        {firm && (
          <Link to={`/enterprises/${node.id}`}>
            <Button size="small" type="link" icon={<ProfileOutlined />} data-testid="entity-profile">
              {p.profile}
            </Button>
          </Link>
        )}
      </Flex>
      {firm && (
        <>
          <Divider style={{ margin: '2px 0' }} />
          <ControllerSection id={node.id} onPick={onPick} />
          <GroupSection id={node.id} onPick={onPick} />
        </>
      )}
      <Divider style={{ margin: '2px 0' }} />
      <Relations node={node} shown={shown} onPick={onPick} />
    </Flex>
  );
}

/** Every entity shown, nearest first: the keyboard's and screen reader's way into the graph. */
export function EntityList({
  shown,
  center,
  selected,
  onPick,
}: {
  shown: Shown;
  center: string;
  selected: string | undefined;
  onPick: (id: string) => void;
}) {
  const g = useMessages().graph;
  const p = g.panel;
  const rows = [...shown.nodes].sort(
    (a, b) => (a.depth ?? 99) - (b.depth ?? 99) || a.name.localeCompare(b.name, 'zh'),
  );
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Table<ShownNode>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small', simple: true }}
      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      onRow={(r) => ({ className: 'graph-entity-row', 'data-testid': `entity-row-${r.name}` })}
      data-testid="entity-list"
      columns={[
        {
          key: 'name',
          title: p.name,
          render: (_, r) => (
            <Typography.Link onClick={() => onPick(r.id)} strong={r.id === center} data-testid="entity-open">
              {r.name}
            </Typography.Link>
          ),
        },
        { key: 'type', title: p.type, width: 110, render: (_, r) => <TypeTag e={r} /> },
        {
          key: 'depth',
          title: p.depth,
          width: 64,
          align: 'right',
          render: (_, r) => (r.id === center ? p.centerTag : r.depth === null ? '—' : r.depth),
        },
      ]}
    />
  );
}
