/** 产业链图谱: pick a chain (the org's leading chains first, marked 主导) and see it as a tree from 上游
 *  to 下游, each node coloured by how strong the district is there, or as the 节点表; a node opens its
 *  drawer with the firms on it. The toolbar exports the map (PNG) and the table (XLSX); admins and
 *  officers re-match the firms, admins set the leading chains and the strength rules, edit the chain
 *  (编辑, edit-tab.tsx) and export/import it as JSON. The chain, the tab and the open node live in the
 *  URL (?chain=, ?tab=table|lists|edit, ?node=). */
import { DownloadOutlined, FileExcelOutlined, StarFilled } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { EChartsType } from 'echarts/core';
import { type RefObject, useMemo, useRef } from 'react';
import type { Me } from '../../../../src/shared/api';
import { type ChainList, type ChainTree, nodeTableUrl, useChains, useChainTree } from '../../api/chains';
import { hasAnyRole } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatTime } from '../../lib/format';
import { useUrlParams } from '../../lib/use-url-params';
import { ChainMap, canvasRatio } from './chain-map';
import { useEditMessages } from './edit-i18n';
import { EditTab } from './edit-tab';
import { ExportJsonButton, ImportJsonButton } from './edit-transfer';
import { LeadingButton } from './leading-button';
import { NodeDrawer } from './node-drawer';
import { NodeTable } from './node-table';
import { PlacementButton } from './placement-button';
import { StrengthLegend } from './strength';
import { TargetLists } from './target-lists';
import { ThresholdsButton } from './thresholds-modal';
import { strengthCounts } from './tree';

function ChainSelect({
  chains,
  value,
  onChange,
}: {
  chains: ChainList;
  value: string;
  onChange: (id: string) => void;
}) {
  const c = useMessages().chains;
  return (
    <Select
      value={value}
      onChange={onChange}
      style={{ width: 260 }}
      showSearch={{ optionFilterProp: 'title' }}
      data-testid="chain-select"
      options={chains.map((x) => ({
        value: x.id,
        title: x.name,
        label: (
          <Flex justify="space-between" align="center" gap={8}>
            <span>{x.name}</span>
            <span>
              {x.leading !== null && (
                <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
                  {c.leading}
                </Tag>
              )}
            </span>
          </Flex>
        ),
      }))}
    />
  );
}

/** When the org's firms were placed on this chain — or that they are not yet (a chain just copied or
 *  imported), or not on the nodes added since: then 重新匹配 is what to do, not a time to trust. */
function PlacedAt({ tree }: { tree: ChainTree }) {
  const c = useMessages().chains;
  const text = !tree.placedAt
    ? c.neverPlaced
    : fill(tree.unplacedNodes ? c.placedAtSomeNew : c.placedAt, {
        time: formatTime(tree.placedAt),
        n: tree.unplacedNodes,
      });
  return (
    <Typography.Text
      type={tree.placedAt && !tree.unplacedNodes ? 'secondary' : 'warning'}
      data-testid="chain-placed-at"
    >
      {text}
    </Typography.Text>
  );
}

/** `<a download>` with the chart as a PNG on white. */
function downloadPng(chart: EChartsType, fileName: string) {
  const a = document.createElement('a');
  // Twice the screen's resolution, less for a chart so tall the image would come out blank.
  const pixelRatio = canvasRatio(chart.getHeight(), 2);
  a.href = chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#fff' });
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function MapPane({
  tree,
  onOpen,
  chartRef,
}: {
  tree: ChainTree;
  onOpen: (id: string) => void;
  chartRef: RefObject<EChartsType | null>;
}) {
  const c = useMessages().chains;
  const counts = useMemo(() => strengthCounts(tree.nodes), [tree]);
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <StrengthLegend counts={counts} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.clickHint}
        </Typography.Text>
      </Flex>
      <ChainMap tree={tree} onOpen={onOpen} chartRef={chartRef} />
    </Flex>
  );
}

export function ChainsPage({ me }: { me: Me }) {
  const c = useMessages().chains;
  const ed = useEditMessages();
  const [params, set] = useUrlParams();
  const chains = useChains();
  const list = chains.data ?? [];
  const chainId = params.get('chain') ?? list[0]?.id;
  const chain = list.find((x) => x.id === chainId);
  const tree = useChainTree(chain?.id);
  const isAdmin = hasAnyRole(me, ['admin']);
  const tabParam = params.get('tab');
  const tab =
    tabParam === 'table' || tabParam === 'lists' || (tabParam === 'edit' && isAdmin) ? tabParam : 'map';
  const nodeId = params.get('node') ?? undefined;
  const chartRef = useRef<EChartsType | null>(null);
  const canPlace = hasAnyRole(me, ['admin', 'officer']);
  // The tree of the chain picked, not the previous one kept while the new one loads.
  const shown = tree.data && tree.data.chain.id === chain?.id ? tree.data : undefined;

  const openNode = (id: string) => set({ node: id });
  const switchTo = (id: string, tabKey: string | null = 'edit') =>
    set({ chain: id, node: null, tab: tabKey });

  const header = <PageHeader title={c.title} subtitle={c.subtitle} />;
  if (chains.isPending)
    return (
      <>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </>
    );
  if (chains.error)
    return (
      <>
        {header}
        <Alert type="error" showIcon title={c.loadFailed} description={chains.error.message} />
      </>
    );
  if (!chain)
    return (
      <>
        {header}
        <Card>
          <Empty description={c.empty} data-testid="chains-empty" />
        </Card>
      </>
    );

  return (
    <>
      {header}
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 24px' } }}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>{c.chain}</Typography.Text>
            <ChainSelect chains={list} value={chain.id} onChange={(id) => set({ chain: id, node: null })} />
            <Typography.Text type="secondary">{fill(c.nodes, { n: chain.nodes })}</Typography.Text>
            {shown && <PlacedAt tree={shown} />}
          </Flex>
          <Space wrap>
            <Tooltip title={tab === 'map' ? undefined : c.tabs.map}>
              <Button
                icon={<DownloadOutlined />}
                disabled={!shown || tab !== 'map'}
                onClick={() => {
                  if (chartRef.current)
                    downloadPng(chartRef.current, fill(c.actions.pngName, { name: chain.name }));
                }}
                data-testid="export-png"
              >
                {c.actions.png}
              </Button>
            </Tooltip>
            <Button
              icon={<FileExcelOutlined />}
              href={nodeTableUrl(chain.id)}
              download
              data-testid="export-xlsx"
            >
              {c.actions.xlsx}
            </Button>
            {canPlace && <PlacementButton />}
            {isAdmin && <LeadingButton chain={chain} chains={list} />}
            {isAdmin && <ThresholdsButton />}
            {isAdmin && <ExportJsonButton chain={chain} />}
            {isAdmin && <ImportJsonButton onImported={(id) => switchTo(id, tab === 'map' ? null : tab)} />}
          </Space>
        </Flex>
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        {tree.error ? (
          <Alert type="error" showIcon title={c.loadFailed} description={tree.error.message} />
        ) : !shown ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'map' ? null : k })}
            data-testid="chain-tabs"
            items={[
              {
                key: 'map',
                label: c.tabs.map,
                children: <MapPane tree={shown} onOpen={openNode} chartRef={chartRef} />,
              },
              { key: 'table', label: c.tabs.table, children: <NodeTable tree={shown} onOpen={openNode} /> },
              { key: 'lists', label: c.targets.lists.tab, children: <TargetLists /> },
              ...(isAdmin
                ? [
                    {
                      key: 'edit',
                      label: ed.tab,
                      children: (
                        <EditTab tree={shown} chains={list} me={me} onSwitch={(id) => switchTo(id)} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {shown && nodeId && (
        <NodeDrawer key={nodeId} tree={shown} nodeId={nodeId} me={me} onClose={() => set({ node: null })} />
      )}
    </>
  );
}
