/** The pipeline as steps (the stage the project stands at, or stood at before 暂停 / 终止) and the stage
 *  history: who moved it, when, why. */
import { Flex, Steps, Timeline, Typography } from 'antd';
import { PIPELINE, type PipelineStage, type Stage } from '../../../../src/domain/project/stages';
import type { ProjectDetail } from '../../api/projects';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatDate, formatTime } from '../../lib/format';
import { StageTag } from './common';
import { useStageNames } from './stage-names';

/** The pipeline stage the project stood at: its own, or where it was paused or terminated. */
function pipelinePosition(p: ProjectDetail): number {
  if (PIPELINE.includes(p.stage as PipelineStage)) return PIPELINE.indexOf(p.stage as PipelineStage);
  if (p.pausedFrom) return PIPELINE.indexOf(p.pausedFrom as PipelineStage);
  for (let i = p.events.length - 1; i >= 0; i--) {
    const from = p.events[i].fromStage;
    if (from && PIPELINE.includes(from as PipelineStage)) return PIPELINE.indexOf(from as PipelineStage);
  }
  return 0;
}

export function StageSteps({ p }: { p: ProjectDetail }) {
  const stageNames = useStageNames();
  const current = pipelinePosition(p);
  const entered = new Map<string, string>();
  for (const e of p.events) entered.set(e.toStage, e.at);
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      current={current}
      status={
        p.stage === 'terminated'
          ? 'error'
          : p.stage === 'paused'
            ? 'wait'
            : p.stage === 'production'
              ? 'finish'
              : 'process'
      }
      data-testid="project-steps"
      items={PIPELINE.map((s, i) => ({
        title: stageNames[s],
        content: i <= current && entered.has(s) ? formatDate(entered.get(s)) : undefined,
      }))}
    />
  );
}
export function History({ p }: { p: ProjectDetail }) {
  const stageNames = useStageNames();
  const d = useMessages().projects.detail;
  return (
    <Timeline
      data-testid="project-history"
      items={[...p.events].reverse().map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.toStage === 'terminated' ? 'red' : e.toStage === 'paused' ? 'gray' : 'blue',
        content: (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <StageTag stage={e.toStage as Stage} />
              <Typography.Text style={{ fontSize: 13 }}>
                {e.fromStage && e.fromStage === e.toStage
                  ? // A record made without a move (the leader's 评估决定): said as such, not "评估 → 评估".
                    fill(d.notedBy, { name: e.byName, stage: stageNames[e.toStage as Stage] ?? e.toStage })
                  : e.fromStage
                    ? fill(d.movedBy, {
                        name: e.byName,
                        from: stageNames[e.fromStage as Stage] ?? e.fromStage,
                        to: stageNames[e.toStage as Stage] ?? e.toStage,
                      })
                    : fill(d.createdBy, { name: e.byName })}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(e.at)}
            </Typography.Text>
            {e.note && <Typography.Text style={{ fontSize: 13, color: '#595959' }}>{e.note}</Typography.Text>}
          </Flex>
        ),
      }))}
    />
  );
}
