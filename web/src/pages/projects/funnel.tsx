/** 漏斗: the pipeline as a funnel of how many projects reached each stage (there or beyond), with the
 *  same figures in a table beside it — the chart for the eye, the table for reading off numbers and
 *  the share kept from one stage to the next. 暂停 and 终止 are not stages one reaches, so they are named
 *  under the table. Only the funnel series is bundled. */
import { Alert, Col, Empty, Row, Skeleton, Table, Typography } from 'antd';
import type { FunnelSeriesOption } from 'echarts/charts';
import { FunnelChart } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { TooltipComponent } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { PIPELINE, type PipelineStage, type Stage } from '../../../../src/domain/project/stages';
import { type Funnel, type ProjectFilter, useFunnel } from '../../api/projects';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { STAGE_COLOR } from './common';
import { useStageNames } from './stage-names';

use([FunnelChart, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<FunnelSeriesOption | TooltipComponentOption>;
type StageRow = { stage: PipelineStage; name: string; count: number; reached: number; rate: number | null };

function rows(f: Funnel, stageNames: Record<Stage, string>): StageRow[] {
  const by = new Map(f.stages.map((s) => [s.stage, s]));
  return PIPELINE.map((stage, i) => {
    const s = by.get(stage);
    const prev = i > 0 ? by.get(PIPELINE[i - 1])?.reached : undefined;
    const reached = s?.reached ?? 0;
    return {
      stage,
      name: s?.stageName ?? stageNames[stage],
      count: s?.count ?? 0,
      reached,
      rate: prev ? reached / prev : null,
    };
  });
}

function FunnelCanvas({ data }: { data: StageRow[] }) {
  const fm = useMessages().projects.funnel;
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const option = useMemo<Option>(() => {
    const max = Math.max(1, ...data.map((r) => r.reached));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const r = data[(p as { dataIndex: number }).dataIndex];
          return r ? fill(fm.tooltip, { stage: r.name, reached: r.reached, count: r.count }) : '';
        },
      },
      series: [
        {
          type: 'funnel',
          // Pipeline order, not by size: a stage nobody reached still sits in its place.
          sort: 'none',
          min: 0,
          max,
          minSize: '12%',
          maxSize: '100%',
          gap: 3,
          left: '8%',
          width: '84%',
          top: 12,
          bottom: 12,
          label: { show: true, position: 'inside', formatter: '{b}  {c}', color: '#fff', fontSize: 13 },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data: data.map((r) => ({
            name: r.name,
            value: r.reached,
            itemStyle: { color: STAGE_COLOR[r.stage] },
          })),
        },
      ],
    };
  }, [data, fm]);

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

  return <div ref={host} style={{ width: '100%', height: 380 }} data-testid="project-funnel-chart" />;
}

export function FunnelPanel({ filter, active }: { filter: ProjectFilter; active: boolean }) {
  const stageNames = useStageNames();
  const m = useMessages().projects;
  const fm = m.funnel;
  const funnel = useFunnel(filter, active);
  if (funnel.error)
    return <Alert type="error" showIcon title={m.loadFailed} description={funnel.error.message} />;
  if (!funnel.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = rows(funnel.data, stageNames);
  const side = new Map(funnel.data.stages.map((s) => [s.stage, s.count]));
  if (data[0].reached === 0 && !side.get('paused') && !side.get('terminated'))
    return <Empty description={fm.empty} data-testid="project-funnel" />;
  return (
    <Row gutter={24} data-testid="project-funnel">
      <Col xs={24} lg={13}>
        <FunnelCanvas data={data} />
      </Col>
      <Col xs={24} lg={11}>
        <Table<StageRow>
          rowKey="stage"
          size="small"
          pagination={false}
          dataSource={data}
          data-testid="project-funnel-table"
          onRow={(r) => ({ className: 'funnel-row', 'data-testid': `funnel-row-${r.stage}` })}
          columns={[
            { key: 'name', title: fm.stage, dataIndex: 'name' },
            { key: 'reached', title: fm.reached, dataIndex: 'reached', align: 'right' },
            { key: 'count', title: fm.count, dataIndex: 'count', align: 'right' },
            {
              key: 'rate',
              title: fm.rate,
              align: 'right',
              render: (_, r) => (r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`),
            },
          ]}
        />
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, marginTop: 12 }}
          data-testid="funnel-side"
        >
          {fill(fm.side, { paused: side.get('paused') ?? 0, terminated: side.get('terminated') ?? 0 })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {fm.hint}
        </Typography.Paragraph>
      </Col>
    </Row>
  );
}
