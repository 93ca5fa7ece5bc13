/** A node's drawer: where it sits in the chain, what it covers, how strong it is and why, the local
 *  firms' figures, its vocabulary and industry codes, then the firms on it — local and target. */
import { Alert, Badge, Descriptions, Drawer, Flex, Statistic, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/shared/api';
import type { ChainTree, Universe } from '../../api/chains';
import { hasAnyRole } from '../../api/me';
import { useMessages } from '../../i18n';
import { formatMoney } from '../enterprises/format';
import { NodeFirms } from './node-firms';
import { NodeTargets } from './node-targets';
import { StrengthTag } from './strength';
import { indexNodes, pathOf } from './tree';

const DECIDERS = ['admin', 'officer'] as const;
type Tab = Universe | 'targets';

function Terms({ items, none }: { items: readonly string[]; none: string }) {
  if (items.length === 0) return <Typography.Text type="secondary">{none}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {items.map((w) => (
        <Tag key={w} style={{ marginInlineEnd: 0 }}>
          {w}
        </Tag>
      ))}
    </Flex>
  );
}

export function NodeDrawer({
  tree,
  nodeId,
  me,
  onClose,
}: {
  tree: ChainTree;
  nodeId: string;
  me: Me;
  onClose: () => void;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const c = useMessages().chains;
  const d = c.drawer;
  const [tab, setTab] = useState<Tab>('local');
  const index = useMemo(() => indexNodes(tree.nodes), [tree]);
  const node = index.byId.get(nodeId);
  if (!node) return null;
  const path = pathOf(index, node.id);
  path[0] = c.segments[node.segment];
  const gap = node.depth > 0 && (node.strength === 'weak' || node.strength === 'missing');
  const f = node.figures;

  return (
    <Drawer
      open
      size={820}
      onClose={onClose}
      title={
        <Flex vertical gap={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {tree.chain.name}
            {c.sep}
            {path.slice(0, -1).join(c.sep)}
          </Typography.Text>
          <span data-testid="node-drawer-title">{node.name}</span>
        </Flex>
      }
      data-testid="node-drawer"
    >
      <Flex vertical gap={16}>
        {gap && <Alert type="warning" showIcon title={d.gap} data-testid="node-gap" />}
        {node.depth > 0 && (
          <Flex gap={8} align="baseline">
            <StrengthTag strength={node.strength} />
            <Typography.Text data-testid="node-reason">{node.strengthReason}</Typography.Text>
          </Flex>
        )}
        {node.description && (
          <Typography.Paragraph style={{ margin: 0 }}>{node.description}</Typography.Paragraph>
        )}
        <Flex
          justify="space-between"
          gap={16}
          style={{
            background: '#fafafa',
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            padding: '12px 20px',
          }}
          data-testid="node-figures"
        >
          <Statistic title={c.col.firms} value={f.firms} suffix={c.unitFirms} />
          <Statistic title={c.col.revenue} value={formatMoney(f.revenue, en)} />
          <Statistic title={c.col.hnte} value={f.hnte} suffix={c.unitFirms} />
          <Statistic title={c.col.specialized} value={f.specialized} suffix={c.unitFirms} />
          <Statistic title={c.col.leaders} value={f.leaders} suffix={c.unitFirms} />
        </Flex>
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={d.keywords}>
            <Terms items={node.keywords} none={d.none} />
          </Descriptions.Item>
          <Descriptions.Item label={d.products}>
            <Terms items={node.products} none={d.none} />
          </Descriptions.Item>
          <Descriptions.Item label={d.technologies}>
            <Terms items={node.technologies} none={d.none} />
          </Descriptions.Item>
          <Descriptions.Item label={d.industryCodes}>
            <Terms items={node.industryCodes} none={d.none} />
          </Descriptions.Item>
        </Descriptions>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Tab)}
          data-testid="node-firm-tabs"
          items={[
            ...(['local', 'target'] as const).map((u) => ({
              key: u,
              label: c.universes[u],
              children: (
                <Flex vertical gap={8}>
                  {node.depth > 0 && index.children(node.id).length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.onlyThisNode}
                    </Typography.Text>
                  )}
                  <NodeFirms nodeId={node.id} universe={u} canDecide={hasAnyRole(me, DECIDERS)} />
                </Flex>
              ),
            })),
            {
              key: 'targets',
              label: (
                <Flex gap={6} align="center" data-testid="targets-tab">
                  {gap ? (
                    <Badge dot offset={[4, 0]}>
                      {c.targets.tab}
                    </Badge>
                  ) : (
                    c.targets.tab
                  )}
                  {gap && (
                    <Tag
                      color="red"
                      bordered={false}
                      style={{ marginInlineEnd: 0 }}
                      data-testid="targets-suggest"
                    >
                      {c.targets.suggest}
                    </Tag>
                  )}
                </Flex>
              ),
              children: (
                <NodeTargets
                  nodeId={node.id}
                  chainName={tree.chain.name}
                  nodeName={node.name}
                  canSave={hasAnyRole(me, DECIDERS)}
                  isAdmin={hasAnyRole(me, ['admin'])}
                />
              ),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
