/** The graph as an ECharts force layout: entities shaped and coloured by type (the centre larger,
 *  the selected one ringed), relations coloured by kind with their words and an arrow from holder,
 *  investor, supplier or firm to the other end. A path found stays bright and thick while the rest
 *  fades. Options merge into one series by id, so entities already placed keep their places when
 *  an expansion adds more. Clicking an entity reports it; the parent keeps the chart for 导出 PNG. */
import type { GraphSeriesOption } from 'echarts/charts';
import { GraphChart } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { TooltipComponent } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { escapeHtml as esc } from '../../../../src/domain/text/html';
import { useMessages } from '../../i18n';
import { EDGE_STYLE, edgeText, NODE_STYLE, nodeType, type Shown } from './model';

use([GraphChart, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<GraphSeriesOption | TooltipComponentOption>;

export function GraphCanvas({
  shown,
  center,
  selected,
  path,
  onPick,
  chartRef,
  height,
}: {
  shown: Shown;
  center: string;
  selected: string | undefined;
  /** Entities and relations of the path found, to highlight. */
  path: { nodes: Set<string>; edges: Set<string> } | null;
  onPick: (id: string) => void;
  chartRef: RefObject<EChartsType | null>;
  height: number;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const g = useMessages().graph;
  const host = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  const option = useMemo<Option>(() => {
    const names = new Map(shown.nodes.map((n) => [n.id, n.name]));
    const dim = (bright: boolean) => (path && !bright ? 0.15 : 1);
    return {
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (p) => {
          const d = (p as { data: { tip?: string } }).data;
          return d?.tip ?? '';
        },
      },
      series: [
        {
          id: 'graph',
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          zoom: 1,
          scaleLimit: { min: 0.3, max: 4 },
          force: {
            repulsion: 520,
            edgeLength: [120, 180],
            gravity: 0.06,
            friction: 0.15,
            layoutAnimation: true,
          },
          edgeSymbolSize: [0, 9],
          autoCurveness: true,
          label: {
            show: true,
            position: 'bottom',
            distance: 4,
            fontSize: 11,
            color: '#262626',
            width: 150,
            overflow: 'truncate',
          },
          edgeLabel: { show: true, fontSize: 10 },
          lineStyle: { width: 1.4, opacity: 0.85 },
          emphasis: { focus: 'adjacency', lineStyle: { width: 3 }, label: { fontWeight: 'bold' } },
          blur: { itemStyle: { opacity: 0.2 }, lineStyle: { opacity: 0.1 }, label: { opacity: 0.3 } },
          data: shown.nodes.map((n) => {
            const type = nodeType(n);
            const s = NODE_STYLE[type];
            const isCenter = n.id === center;
            const isSelected = n.id === selected;
            const bright = !path || path.nodes.has(n.id);
            return {
              id: n.id,
              name: n.name,
              symbol: s.symbol,
              symbolSize: isCenter ? s.size + 16 : s.size,
              value: isCenter ? 3 : 1,
              itemStyle: {
                color: s.color,
                opacity: dim(bright),
                borderColor: isSelected ? '#141414' : '#fff',
                borderWidth: isSelected ? 3 : 1.5,
                shadowBlur: isCenter ? 12 : 0,
                shadowColor: 'rgba(22, 86, 214, 0.35)',
              },
              label: {
                fontWeight: isCenter || isSelected ? 'bold' : 'normal',
                fontSize: isCenter ? 12 : 11,
                width: isCenter ? 220 : 170,
                opacity: bright ? 1 : 0.35,
              },
              tip: `<b>${esc(n.name)}</b><br/>${esc(g.types[type])}${n.uscc ? `<br/>${esc(n.uscc)}` : ''}`,
            };
          }),
          links: shown.edges.map((e) => {
            const s = EDGE_STYLE[e.kind];
            const onPath = !!path?.edges.has(e.id);
            const text = edgeText(e, g.kinds, en);
            return {
              source: e.from,
              target: e.to,
              symbol: ['none', s.directed ? 'arrow' : 'none'],
              lineStyle: {
                color: s.color,
                type: s.dashed ? 'dashed' : 'solid',
                width: onPath ? 4 : 1.4,
                opacity: path && !onPath ? 0.12 : 0.85,
              },
              label: {
                show: true,
                formatter: text,
                color: s.color,
                fontSize: onPath ? 11 : 10,
                fontWeight: onPath ? 'bold' : 'normal',
                backgroundColor: 'rgba(255,255,255,0.85)',
                padding: [1, 3],
                borderRadius: 2,
                opacity: path && !onPath ? 0.2 : 1,
              },
              tip: `${esc(names.get(e.from) ?? '')} → ${esc(names.get(e.to) ?? '')}${g.colon}<b>${esc(text)}</b>${
                e.asOf ? `（${esc(e.asOf)}）` : ''
              }<br/><span style="color:#8c8c8c">${esc(g.panel.source)}${g.colon}${esc(e.source)}</span>`,
            };
          }),
        },
      ],
    } as Option;
  }, [shown, center, selected, path, g, en]);

  useEffect(() => {
    if (!host.current) return;
    const chart = init(host.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => {
      if (p.dataType !== 'node') return;
      const id = (p.data as { id?: string } | undefined)?.id;
      if (id) pick.current(id);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    chartRef.current?.setOption(option);
  }, [option, chartRef]);

  return <div ref={host} style={{ width: '100%', height }} data-testid="graph-canvas" />;
}
