/** 企业图谱: pick a firm (or arrive with ?id= from its profile) and see its relations N hops out as a
 *  force-directed graph — entities by type, relations by kind with their words and direction. Clicking
 *  an entity expands it one hop and opens it in the side panel (its 最终控制人 and 集团成员 for a firm);
 *  two entities set as 起点 and 终点 give the shortest path, highlighted and written out. Admins and
 *  officers import relations here. The centre and the hops live in the URL (?id=, ?hops=). */
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { EChartsType } from 'echarts/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Me } from '../../../../src/shared/api';
import {
  fetchNeighbours,
  type GraphEntity,
  NEIGHBOUR_LIMIT,
  type Neighbourhood,
  RELATION_KINDS,
  type RelationKind,
  useNeighbours,
  usePath,
} from '../../api/graph';
import { hasAnyRole } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useApiError } from '../../components/use-api-error';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { useUrlParams } from '../../lib/use-url-params';
import { EmptyState } from './empty-state';
import { FirmPicker } from './firm-picker';
import { GraphCanvas } from './graph-chart';
import { ImportRelationsButton } from './import-modal';
import { Legend } from './legend';
import { EDGE_STYLE, edgeText, mergeParts, pathSteps } from './model';
import { EntityDetail, EntityList } from './side-panel';

const HEIGHT = 640;

function downloadPng(chart: EChartsType, fileName: string) {
  const a = document.createElement('a');
  a.href = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

type Ends = { from?: GraphEntity; to?: GraphEntity };

export function GraphPage({ me }: { me: Me }) {
  const g = useMessages().graph;
  const showError = useApiError();
  const [params, set] = useUrlParams();
  const id = params.get('id') ?? undefined;
  const hops = Math.min(3, Math.max(1, Number(params.get('hops')) || 2));
  const [kinds, setKinds] = useState<RelationKind[]>([...RELATION_KINDS]);
  const base = useNeighbours(id, hops, kinds);
  const [expansions, setExpansions] = useState<{ id: string; n: Neighbourhood }[]>([]);
  const [expanding, setExpanding] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | undefined>(id);
  const [panelTab, setPanelTab] = useState<'detail' | 'list'>('detail');
  const [ends, setEnds] = useState<Ends>({});
  const chartRef = useRef<EChartsType | null>(null);
  const canImport = hasAnyRole(me, ['admin', 'officer']);
  const path = usePath(ends.from?.id, ends.to?.id);

  // A new centre, range or filter starts over; a new centre also clears the selection. The path's ends
  // stay: a user picks 起点 in one firm's graph and 终点 in another's, and the path joins them.
  const scope = `${id}|${hops}|${kinds.join(',')}`;
  const lastScope = useRef(scope);
  useEffect(() => {
    if (lastScope.current === scope) return;
    lastScope.current = scope;
    setExpansions([]);
  }, [scope]);
  useEffect(() => {
    setSelected(id);
    setPanelTab('detail');
  }, [id]);

  const data = base.data && base.data.center === id ? base.data : undefined;
  const found = path.data?.found ? path.data : undefined;
  const shown = useMemo(
    () => mergeParts(id, [data, ...expansions.map((x) => x.n), found]),
    [id, data, expansions, found],
  );
  const highlight = useMemo(
    () =>
      found
        ? { nodes: new Set(found.nodes.map((n) => n.id)), edges: new Set(found.edges.map((e) => e.id)) }
        : null,
    [found],
  );
  const expanded = useMemo(() => new Set([id, ...expansions.map((x) => x.id)]), [id, expansions]);
  const truncated = !!data?.truncated || expansions.some((x) => x.n.truncated);
  const centerName = data?.nodes.find((n) => n.id === id)?.name;
  const node = shown.nodes.find((n) => n.id === selected);

  const expand = async (target: string) => {
    if (expanded.has(target) || expanding || kinds.length === 0) return;
    setExpanding(target);
    try {
      const n = await fetchNeighbours(target, 1, kinds);
      setExpansions((prev) => (prev.some((x) => x.id === target) ? prev : [...prev, { id: target, n }]));
    } catch (err) {
      showError(err);
    } finally {
      setExpanding(null);
    }
  };
  const pick = (target: string) => {
    setSelected(target);
    setPanelTab('detail');
  };

  const header = <PageHeader title={g.title} subtitle={g.subtitle} />;
  const toolbar = (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 24px' } }}>
      <Flex vertical gap={10}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>{g.toolbar.firm}</Typography.Text>
            <FirmPicker value={id} label={centerName} onChange={(v) => set({ id: v })} />
          </Flex>
          <Space wrap>
            {canImport && <ImportRelationsButton />}
            <Button
              icon={<DownloadOutlined />}
              disabled={!data}
              onClick={() => {
                if (chartRef.current)
                  downloadPng(chartRef.current, fill(g.toolbar.pngName, { name: centerName ?? '' }));
              }}
              data-testid="graph-png"
            >
              {g.toolbar.png}
            </Button>
          </Space>
        </Flex>
        {id && (
          <Flex gap={24} align="center" wrap>
            <Flex gap={8} align="center">
              <Typography.Text type="secondary">{g.toolbar.hops}</Typography.Text>
              <Segmented<number>
                size="small"
                value={hops}
                options={[1, 2, 3].map((n) => ({ value: n, label: fill(g.toolbar.hop, { n }) }))}
                onChange={(n) => set({ hops: String(n) })}
                data-testid="graph-hops"
              />
            </Flex>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{g.toolbar.kinds}</Typography.Text>
              <Checkbox.Group<RelationKind>
                value={kinds}
                onChange={(v) => setKinds(RELATION_KINDS.filter((k) => v.includes(k)))}
                options={RELATION_KINDS.map((k) => ({ value: k, label: g.kinds[k] }))}
                data-testid="graph-kinds"
              />
            </Flex>
          </Flex>
        )}
      </Flex>
    </Card>
  );

  if (!id)
    return (
      <>
        {header}
        {toolbar}
        <EmptyState canImport={canImport} />
      </>
    );

  const steps = found ? pathSteps(found.nodes, found.edges) : [];
  const pathBar = (
    <Flex
      gap={10}
      align="center"
      wrap
      style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6 }}
      data-testid="graph-path-bar"
    >
      <Typography.Text strong>{g.path.title}</Typography.Text>
      <Typography.Text type="secondary">{g.path.from}</Typography.Text>
      {ends.from ? (
        <Tag
          color="blue"
          closable
          onClose={() => setEnds((e) => ({ ...e, from: undefined }))}
          data-testid="path-from"
        >
          {ends.from.name}
        </Tag>
      ) : (
        <Typography.Text type="secondary" italic>
          {g.path.unset}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{g.path.to}</Typography.Text>
      {ends.to ? (
        <Tag
          color="blue"
          closable
          onClose={() => setEnds((e) => ({ ...e, to: undefined }))}
          data-testid="path-to"
        >
          {ends.to.name}
        </Tag>
      ) : (
        <Typography.Text type="secondary" italic>
          {g.path.unset}
        </Typography.Text>
      )}
      {(ends.from || ends.to) && (
        <Button size="small" type="link" onClick={() => setEnds({})} data-testid="path-clear">
          {g.path.clear}
        </Button>
      )}
      {!ends.from && !ends.to && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {g.path.hint}
        </Typography.Text>
      )}
      {path.isFetching && <Spin size="small" />}
    </Flex>
  );
  const pathResult =
    ends.from && ends.to ? (
      ends.from.id === ends.to.id ? (
        <Alert type="info" showIcon title={g.path.same} />
      ) : path.error ? (
        <Alert type="error" showIcon title={path.error.message} />
      ) : path.data && !path.data.found ? (
        <Alert type="warning" showIcon title={g.path.notFound} data-testid="path-result" />
      ) : found ? (
        <Alert
          type="success"
          showIcon
          data-testid="path-result"
          title={fill(g.path.found, { n: found.edges.length })}
          description={
            <Flex align="center" gap={6} wrap data-testid="path-text">
              {steps.map((s) => (
                <Flex key={s.entity.id} align="center" gap={6}>
                  {s.edge && (
                    <Typography.Text style={{ color: EDGE_STYLE[s.edge.kind].color, fontSize: 12 }}>
                      {s.forward ? '—' : '←'}
                      {edgeText(s.edge, g.kinds)}
                      {s.forward ? '→' : '—'}
                    </Typography.Text>
                  )}
                  <Typography.Link strong onClick={() => pick(s.entity.id)}>
                    {s.entity.name}
                  </Typography.Link>
                </Flex>
              ))}
            </Flex>
          }
        />
      ) : null
    ) : null;

  return (
    <>
      {header}
      {toolbar}
      <Row gutter={16}>
        <Col span={16}>
          <Card styles={{ body: { padding: 16 } }}>
            <Flex vertical gap={10}>
              <Legend />
              {truncated && (
                <Alert
                  type="warning"
                  showIcon
                  title={fill(g.view.truncated, { n: NEIGHBOUR_LIMIT })}
                  data-testid="graph-truncated"
                />
              )}
              {kinds.length === 0 && <Alert type="info" showIcon title={g.view.noKinds} />}
              {data && data.edges.length === 0 && expansions.length === 0 && (
                <Alert type="info" showIcon title={g.view.noRelations} data-testid="graph-no-relations" />
              )}
              {pathBar}
              {pathResult}
              {base.error ? (
                <Alert type="error" showIcon title={g.loadFailed} description={base.error.message} />
              ) : !data && kinds.length > 0 ? (
                <Skeleton active paragraph={{ rows: 12 }} />
              ) : (
                <div style={{ position: 'relative', border: '1px solid #f0f0f0', borderRadius: 6 }}>
                  <GraphCanvas
                    shown={shown}
                    center={id}
                    selected={selected}
                    path={highlight}
                    chartRef={chartRef}
                    height={HEIGHT}
                    onPick={(target) => {
                      pick(target);
                      void expand(target);
                    }}
                  />
                  <Typography.Text
                    type="secondary"
                    style={{ position: 'absolute', left: 12, top: 8, fontSize: 12 }}
                    data-testid="graph-stats"
                  >
                    {fill(g.view.stats, { nodes: shown.nodes.length, edges: shown.edges.length })}
                  </Typography.Text>
                  <Typography.Text
                    type="secondary"
                    style={{ position: 'absolute', left: 12, bottom: 8, fontSize: 12 }}
                  >
                    {g.view.hint}
                  </Typography.Text>
                </div>
              )}
            </Flex>
          </Card>
        </Col>
        <Col span={8}>
          <Card styles={{ body: { paddingTop: 4 } }} data-testid="graph-panel">
            <Tabs
              activeKey={panelTab}
              onChange={(k) => setPanelTab(k as 'detail' | 'list')}
              items={[
                {
                  key: 'detail',
                  label: g.panel.details,
                  children: node ? (
                    <EntityDetail
                      key={node.id}
                      node={node}
                      shown={shown}
                      isCenter={node.id === id}
                      expanded={expanded.has(node.id)}
                      expanding={expanding === node.id}
                      onExpand={() => void expand(node.id)}
                      onCenter={() => set({ id: node.id })}
                      onFrom={() => setEnds((e) => ({ ...e, from: node }))}
                      onTo={() => setEnds((e) => ({ ...e, to: node }))}
                      onPick={pick}
                    />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={g.panel.select} />
                  ),
                },
                {
                  key: 'list',
                  label: `${g.panel.list}（${shown.nodes.length}）`,
                  children: <EntityList shown={shown} center={id} selected={selected} onPick={pick} />,
                },
              ]}
              data-testid="graph-panel-tabs"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
