/** A project in a drawer: the pipeline as steps (the current stage highlighted; 暂停 / 终止 shown with the
 *  reason), then tabs — 项目概况 (figures, stage facts, 双月点评, history), 跟进记录, 附件 and 三维评价
 *  (pages/evaluation) — with 编辑 and 推进 at the top for those who may change the project. The tabs live in
 *  files of their own (drawer-*.tsx). */
import { DownOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Dropdown, Flex, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import type { Stage } from '../../../../src/domain/project/stages';
import { type ProjectDetail, useProject } from '../../api/projects';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { EvaluationTab } from '../evaluation/evaluation-tab';
import { StageTag } from './common';
import { Attachments } from './drawer-attachments';
import { EditModal } from './drawer-edit';
import { FollowUps } from './drawer-follow-ups';
import { Overview } from './drawer-overview';
import { StageSteps } from './drawer-steps';
import { MoveModal, moveTargets, nextStage } from './move-modal';
import { useStageNames } from './stage-names';

function MoveButton({ p, onMove }: { p: ProjectDetail; onMove: (to: Stage) => void }) {
  const stageNames = useStageNames();
  const b = useMessages().projects.board;
  const next = nextStage(p.stage) ?? (p.stage === 'paused' ? (p.pausedFrom as Stage | null) : undefined);
  const targets = moveTargets(p.stage);
  if (targets.length === 0) return null;
  return (
    <Space.Compact>
      <Button type="primary" onClick={() => onMove(next ?? targets[0])} data-testid="project-move">
        {b.move}
        {next ? ` → ${stageNames[next]}` : ''}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: targets.map((s) => ({ key: s, label: stageNames[s], danger: s === 'terminated' })),
          onClick: ({ key }) => onMove(key as Stage),
        }}
      >
        <Button type="primary" icon={<DownOutlined />} data-testid="project-move-more" />
      </Dropdown>
    </Space.Compact>
  );
}

export function ProjectDrawer({
  id,
  canMove,
  onClose,
}: {
  id: string;
  canMove: boolean;
  onClose: () => void;
}) {
  const stageNames = useStageNames();
  const m = useMessages().projects;
  const d = m.detail;
  const project = useProject(id);
  const [moving, setMoving] = useState<Stage | null>(null);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('overview');
  const p = project.data;
  return (
    <Drawer
      open
      size={1040}
      onClose={onClose}
      title={
        p ? (
          <Flex gap={10} align="center">
            <span data-testid="project-drawer-title">{p.name}</span>
            <StageTag stage={p.stage} />
          </Flex>
        ) : (
          ' '
        )
      }
      extra={
        p &&
        canMove && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
              {d.edit}
            </Button>
            <MoveButton p={p} onMove={setMoving} />
          </Space>
        )
      }
      data-testid="project-drawer"
    >
      {project.error ? (
        <Alert type="error" showIcon title={m.loadFailed} description={project.error.message} />
      ) : !p ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16}>
          <div style={{ padding: '16px 12px 4px', background: '#f7f9fc', borderRadius: 8 }}>
            <StageSteps p={p} />
          </div>
          {(p.stage === 'paused' || p.stage === 'terminated') && (
            <Alert
              type={p.stage === 'paused' ? 'warning' : 'error'}
              showIcon
              data-testid="project-halted"
              title={
                p.stage === 'paused'
                  ? fill(d.paused, { stage: stageNames[(p.pausedFrom as Stage) ?? 'lead'] })
                  : d.terminated
              }
              description={p.reason ? fill(d.reason, { reason: p.reason }) : undefined}
            />
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            data-testid="project-drawer-tabs"
            items={[
              { key: 'overview', label: d.overview, children: <Overview p={p} /> },
              {
                key: 'followUps',
                label: `${d.followUps}${p.followUps.length ? ` (${p.followUps.length})` : ''}`,
                children: <FollowUps p={p} canAdd={canMove} />,
              },
              {
                key: 'attachments',
                label: `${d.attachments}${p.attachments.length ? ` (${p.attachments.length})` : ''}`,
                children: <Attachments p={p} canEdit={canMove} />,
              },
              {
                key: 'evaluation',
                label: d.evaluation,
                children: <EvaluationTab p={p} />,
              },
            ]}
          />
        </Flex>
      )}
      {moving && p && <MoveModal project={p} to={moving} onClose={() => setMoving(null)} />}
      {editing && p && <EditModal project={p} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
