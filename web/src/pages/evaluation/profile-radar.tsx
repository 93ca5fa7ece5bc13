/** The 创新力画像 as a radar over the five dimensions (0–100 each), optionally with the committee's
 *  dimension means (1–9 mapped onto 0–100) as a second outline. Only the radar series is bundled. */
import type { RadarSeriesOption } from 'echarts/charts';
import { RadarChart } from 'echarts/charts';
import type { LegendComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { ProfileDimension } from '../../api/evaluation';
import { useMessages } from '../../i18n';

use([RadarChart, RadarComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<
  RadarSeriesOption | RadarComponentOption | TooltipComponentOption | LegendComponentOption
>;

export type RadarLine = { name: string; values: (number | null)[]; color: string };

export function ProfileRadar({
  dimensions,
  lines,
  height = 300,
}: {
  dimensions: Pick<ProfileDimension, 'key' | 'name'>[];
  lines: RadarLine[];
  height?: number;
}) {
  const names: Record<string, string> = useMessages().evaluation.dimensions;
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const option = useMemo<Option>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: lines.length > 1 ? { bottom: 0, data: lines.map((l) => l.name) } : undefined,
      radar: {
        indicator: dimensions.map((d) => ({ name: names[d.key] ?? d.name, max: 100, min: 0 })),
        radius: '62%',
        center: ['50%', lines.length > 1 ? '48%' : '52%'],
        splitNumber: 4,
        axisName: { color: '#434343', fontSize: 13 },
        splitArea: { areaStyle: { color: ['#f7f9fc', '#fff'] } },
      },
      series: [
        {
          type: 'radar',
          data: lines.map((l) => ({
            name: l.name,
            value: l.values.map((v) => v ?? 0),
            symbolSize: 5,
            lineStyle: { color: l.color, width: 2 },
            itemStyle: { color: l.color },
            areaStyle: { color: l.color, opacity: 0.15 },
            label: { show: lines.length === 1, color: l.color, formatter: '{c}' },
          })),
        },
      ],
    }),
    [dimensions, lines, names],
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

  return <div ref={host} style={{ width: '100%', height }} data-testid="profile-radar" />;
}
