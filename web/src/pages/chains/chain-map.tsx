/** The chain as a left-to-right tree: the chain's name, then 上游/中游/下游, then their nodes; each node
 *  coloured by its strength and labelled with its local firm count ("电池片 · 12"). Clicking a node
 *  opens its drawer; the parent keeps the chart instance for 导出 PNG. */
import type { TreeSeriesOption } from 'echarts/charts';
import { TreeChart } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { TooltipComponent } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { tooltipHtml } from '../../../../src/domain/text/html';
import type { ChainNode, ChainTree } from '../../api/chains';
import { useMessages } from '../../i18n';
import { SEGMENT_COLOR, STRENGTH_COLOR } from './strength';
import { indexNodes, leafCount } from './tree';

use([TreeChart, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<TreeSeriesOption | TooltipComponentOption>;
type Item = NonNullable<TreeSeriesOption['data']>[number] & { nodeId?: string; reason?: string };

const PX_PER_LEAF = 24;
const MIN_HEIGHT = 520;
/** Canvas pixels on a side a browser draws at most (Chromium 32,767; less is safe everywhere): beyond
 *  it the canvas stays blank, as an 8,420-node chain's did. */
export const MAX_CANVAS_PX = 16_000;

export function mapHeight(tree: ChainTree): number {
  return Math.max(MIN_HEIGHT, leafCount(indexNodes(tree.nodes)) * PX_PER_LEAF + 40);
}

/** Pixels per CSS pixel for a chart this tall: the screen's, lowered so the canvas stays drawable. */
export function canvasRatio(height: number, screen = window.devicePixelRatio || 1): number {
  return Math.min(screen, MAX_CANVAS_PX / height);
}

/** About how wide a label is drawn: a CJK character is as wide as the font is high, others ~0.6. */
function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

export function ChainMap({
  tree,
  onOpen,
  chartRef,
}: {
  tree: ChainTree;
  onOpen: (nodeId: string) => void;
  chartRef: RefObject<EChartsType | null>;
}) {
  const m = useMessages();
  const c = m.chains;
  const host = useRef<HTMLDivElement>(null);
  // The click handler is bound once; it reads the latest callback through this.
  const open = useRef(onOpen);
  open.current = onOpen;
  const height = mapHeight(tree);
  const ratio = canvasRatio(height);

  const option = useMemo<Option>(() => {
    const index = indexNodes(tree.nodes);
    const item = (n: ChainNode): Item => {
      const segment = n.depth === 0;
      const color = segment ? SEGMENT_COLOR : STRENGTH_COLOR[n.strength];
      const kids = index.children(n.id);
      // Braces and bars would be read as ECharts rich-text markup.
      const name = (segment ? c.segments[n.segment] : n.name).replace(/[{}|]/g, ' ');
      return {
        name,
        value: n.figures.firms,
        // Segments are not placed on; only nodes open a drawer.
        nodeId: segment ? undefined : n.id,
        reason: segment ? undefined : `${c.strengths[n.strength]}${c.colon}${n.strengthReason}`,
        symbol: segment ? 'emptyCircle' : 'circle',
        symbolSize: segment ? 14 : 10,
        itemStyle: { color, borderColor: color },
        label: {
          formatter: `{name|${name}}{sep| · }{count|${n.figures.firms}}`,
          rich: {
            name: { fontSize: segment ? 14 : 12, fontWeight: segment ? 'bold' : 'normal', color: '#262626' },
            sep: { color: '#8c8c8c' },
            count: { fontSize: segment ? 14 : 12, fontWeight: 'bold', color },
          },
        },
        children: kids.map(item),
      };
    };
    const rootName = tree.chain.name.replace(/[{}|]/g, ' ');
    // The root's label sits left of it and the leaves' right of them, outside the tree's box: the box
    // leaves room for them (a fixed 120 px cut "光伏（本组织）" to "伏（本组织）").
    const left = textWidth(rootName, 16) + 24;
    const right = Math.min(
      360,
      Math.max(
        120,
        ...tree.nodes
          .filter((n) => n.depth > 0 && index.children(n.id).length === 0)
          .map((n) => textWidth(`${n.name} · ${n.figures.firms}`, 12) + 24),
      ),
    );
    const root: Item = {
      name: tree.chain.name,
      symbol: 'roundRect',
      symbolSize: [14, 14],
      itemStyle: { color: '#1656d6', borderColor: '#1656d6' },
      label: {
        position: 'left',
        formatter: `{root|${rootName}}`,
        rich: { root: { fontSize: 16, fontWeight: 'bold', color: '#1656d6' } },
      },
      children: index.children(null).map(item),
    };
    return {
      tooltip: {
        trigger: 'item',
        triggerOn: 'mousemove',
        formatter: (p) => {
          const d = (p as { data: Item }).data;
          // ECharts puts the string in as HTML: a node's name (set by an admin or an import) is text.
          return tooltipHtml(d.reason ? [String(d.name), d.reason] : [String(d.name)]);
        },
      },
      series: [
        {
          type: 'tree',
          data: [root],
          orient: 'LR',
          left,
          right,
          top: 16,
          bottom: 16,
          initialTreeDepth: -1,
          expandAndCollapse: false,
          roam: false,
          edgeShape: 'curve',
          lineStyle: { color: '#d9d9d9', width: 1.2, curveness: 0.5 },
          label: {
            position: 'left',
            verticalAlign: 'middle',
            align: 'right',
            distance: 6,
            backgroundColor: 'rgba(255,255,255,0.9)',
            padding: [1, 3],
            borderRadius: 3,
          },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
          emphasis: { focus: 'ancestor' },
          animationDuration: 300,
          animationDurationUpdate: 300,
        },
      ],
    };
  }, [tree, c]);

  // The option as last computed, for a chart made anew (its pixel ratio is fixed when it is made).
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    if (!host.current) return;
    const chart = init(host.current, undefined, { renderer: 'canvas', devicePixelRatio: ratio });
    chartRef.current = chart;
    chart.setOption(latest.current, { notMerge: true });
    chart.on('click', (p) => {
      const id = (p.data as Item | undefined)?.nodeId;
      if (id) open.current(id);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [chartRef, ratio]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, chartRef]);

  return <div ref={host} style={{ width: '100%', height, cursor: 'pointer' }} data-testid="chain-map" />;
}
