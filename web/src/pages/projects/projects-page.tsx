/** 招商项目: the recruitment pipeline as a 看板 (a column per stage, cards dragged to move) or a 列表,
 *  filtered by name, 我负责的 and (in the list) stage. A project opens in a drawer with its stage steps,
 *  history, follow-ups and, for leads from 靶向招商, the ranking behind it. Admins, leaders and officers
 *  create and move projects; analysts read. The tab and the open project live in the URL (?tab=list,
 *  ?project=<id>). */
import { Alert, Card, Flex, Input, Select, Switch, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { STAGE_NAMES, STAGES, type Stage } from '../../../../src/domain/project/stages';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import { type ProjectSummary, useBoard } from '../../api/projects';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { ProjectBoard } from './board';
import { CreateProjectButton } from './create-modal';
import { MoveModal } from './move-modal';
import { ProjectDrawer } from './project-drawer';
import { ProjectTable } from './project-list';

export const MOVERS = ['admin', 'leader', 'officer'] as const;

export function ProjectsPage({ me }: { me: Me }) {
  const m = useMessages().projects;
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'list' ? 'list' : 'board';
  const projectId = params.get('project') ?? undefined;
  const canMove = hasAnyRole(me, MOVERS);
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const [stage, setStage] = useState<Stage | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [moving, setMoving] = useState<{ p: ProjectSummary; to: Stage } | null>(null);
  const board = useBoard({ q: q || undefined, mine });

  const set = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const open = (id: string) => set('project', id);
  const first = () => setPaging((s) => ({ ...s, page: 1 }));

  const filters = (
    <Flex gap={16} align="center" wrap>
      <Input.Search
        allowClear
        placeholder={m.filter.search}
        style={{ width: 300 }}
        onSearch={(v) => {
          setQ(v.trim());
          first();
        }}
        data-testid="project-search"
      />
      {tab === 'list' && (
        <Select<Stage>
          allowClear
          placeholder={m.filter.stage}
          style={{ width: 140 }}
          value={stage}
          onChange={(v) => {
            setStage(v);
            first();
          }}
          options={STAGES.map((s) => ({ value: s, label: STAGE_NAMES[s] }))}
          data-testid="project-stage-filter"
        />
      )}
      <Flex gap={8} align="center">
        <Switch
          checked={mine}
          onChange={(v) => {
            setMine(v);
            first();
          }}
          data-testid="project-mine"
        />
        <span>{m.filter.mine}</span>
      </Flex>
    </Flex>
  );

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} extra={canMove && <CreateProjectButton />} />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k === 'list' ? 'list' : null)}
          tabBarExtraContent={filters}
          data-testid="project-tabs"
          items={[
            {
              key: 'board',
              label: m.tabs.board,
              children: board.error ? (
                <Alert type="error" showIcon title={m.loadFailed} description={board.error.message} />
              ) : (
                <ProjectBoard
                  board={board.data}
                  loading={board.isPending}
                  canMove={canMove}
                  onOpen={open}
                  onMove={(p, to) => setMoving({ p, to })}
                />
              ),
            },
            {
              key: 'list',
              label: m.tabs.list,
              children: (
                <ProjectTable
                  filter={{ stage, q: q || undefined, mine }}
                  paging={paging}
                  onPage={(page, pageSize) => setPaging({ page, pageSize })}
                  onOpen={open}
                />
              ),
            },
          ]}
        />
      </Card>
      {moving && <MoveModal project={moving.p} to={moving.to} onClose={() => setMoving(null)} />}
      {projectId && <ProjectDrawer id={projectId} canMove={canMove} onClose={() => set('project', null)} />}
    </>
  );
}
