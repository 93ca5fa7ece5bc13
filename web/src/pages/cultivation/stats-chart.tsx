/** 年度统计's chart: per tier, how many firms reached 发现 / 服务 / 申报 / 认定 this year. */
import type { BarSeriesOption } from 'echarts/charts';
import { BarChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { StatsRow } from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { STAGE_COLOR } from './stage';

use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const FUNNEL = ['discovered', 'serving', 'applied', 'certified'] as const;

export function StatsChart({ rows }: { rows: StatsRow[] }) {
  const m = useMessages();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  const option = useMemo<Option>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => m.enterprises.tiers[r.tier] ?? r.tierName) },
      yAxis: { type: 'value', minInterval: 1 },
      series: FUNNEL.map((s) => ({
        type: 'bar' as const,
        name: m.cultivation.stages[s],
        itemStyle: { color: STAGE_COLOR[s] },
        barMaxWidth: 28,
        label: {
          show: true,
          position: 'top' as const,
          formatter: (p: { value?: unknown }) => (p.value ? String(p.value) : ''),
        },
        data: rows.map((r) => r[s]),
      })),
    }),
    [rows, m],
  );

  useEffect(() => {
    if (!host.current) return;
    const c = init(host.current, undefined, { renderer: 'canvas' });
    chart.current = c;
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

  return <div ref={host} style={{ width: '100%', height: 280 }} data-testid="stats-chart" />;
}
