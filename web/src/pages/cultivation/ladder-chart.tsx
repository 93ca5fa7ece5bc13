/** The ladder as stacked horizontal bars, 科技型中小企业 at the foot and 独角兽 at the top, with the change
 *  since the previous run beside each rung; clicking a rung (its bar or its name) selects the tier. */
import type { BarSeriesOption } from 'echarts/charts';
import { BarChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { LadderRung, Tier } from '../../api/cultivation';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { STANDING_COLOR, STANDING_ORDER, signed } from './standing';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** "可申报 +12", and "· 已认定 +3" when that moved too; empty on a first run. */
export function deltaText(r: LadderRung, m: Messages['cultivation']): string {
  if (!r.previous) return '';
  const eligible = `${m.standings.eligible} ${signed(r.eligible - r.previous.eligible)}`;
  const held = r.holding - r.previous.holding;
  return held === 0 ? eligible : `${eligible} · ${m.standings.holding} ${signed(held)}`;
}

const tierName = (r: LadderRung, m: Messages) => m.enterprises.tiers[r.tier] ?? r.tierName;

export function LadderChart({
  rungs,
  selected,
  onSelect,
}: {
  rungs: LadderRung[];
  selected: Tier;
  onSelect: (tier: Tier) => void;
}) {
  const m = useMessages();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The click handler is bound once; it reads the latest rungs and callback through these.
  const select = useRef(onSelect);
  select.current = onSelect;
  const rungsRef = useRef(rungs);
  rungsRef.current = rungs;

  const option = useMemo<Option>(() => {
    const sel = rungs.findIndex((r) => r.tier === selected);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: [
        {
          type: 'category',
          data: rungs.map((r) => tierName(r, m)),
          axisTick: { show: false },
          triggerEvent: true,
          axisLabel: {
            formatter: (v: string, i: number) => (i === sel ? `{sel|${v}}` : v),
            rich: { sel: { fontWeight: 'bold', color: '#1656d6' } },
          },
        },
        {
          type: 'category',
          position: 'right',
          data: rungs.map((r) => deltaText(r, m.cultivation)),
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: { color: '#595959', fontSize: 12 },
        },
      ],
      series: STANDING_ORDER.map(
        (s): BarSeriesOption => ({
          name: m.cultivation.standings[s],
          type: 'bar',
          stack: 'firms',
          barMaxWidth: 26,
          itemStyle: { color: STANDING_COLOR[s] },
          emphasis: { focus: 'series' },
          label: {
            show: true,
            formatter: (p) => (Number(p.value) > 0 ? String(p.value) : ''),
            color: s === 'unknown' || s === 'far' || s === 'close' ? '#262626' : '#fff',
            fontSize: 11,
          },
          data: rungs.map((r) => r[s]),
        }),
      ),
    };
  }, [rungs, selected, m]);

  useEffect(() => {
    if (!host.current) return;
    const c = init(host.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      // A bar gives its dataIndex; a tier name on the axis gives its text.
      const byName = p.componentType === 'yAxis' ? (p as { value?: unknown }).value : undefined;
      const i =
        byName !== undefined
          ? (c.getOption() as { yAxis: { data: string[] }[] }).yAxis[0].data.indexOf(String(byName))
          : p.dataIndex;
      const tier = rungsRef.current[i ?? -1]?.tier;
      if (tier) select.current(tier);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={host}
      style={{ width: '100%', height: 64 + rungs.length * 48, cursor: 'pointer' }}
      data-testid="ladder-chart"
    />
  );
}
