/** 招商项目: the recruitment pipeline as a 看板 (a column per stage, cards dragged to move), a 列表 (sorted,
 *  exported as XLSX) or a 漏斗, all under one set of filters (来源, 类型, 负责人, 我负责的, 只看停滞, and the
 *  stage in the list) that can be saved as a named view and applied again. A project opens in a drawer
 *  with its stage steps, history, follow-ups, attachments and reviews. Admins, leaders and officers
 *  create, edit and move projects; analysts read. The tab and the open project live in the URL
 *  (?tab=list|funnel, ?project=<id>). */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tabs, Tooltip } from 'antd';
import { useState } from 'react';
import type { Stage } from '../../../../src/domain/project/stages';
import type { Me } from '../../../../src/shared/api';
import { hasAnyRole } from '../../api/me';
import {
  exportUrl,
  type ProjectFilter,
  type ProjectSummary,
  type SavedView,
  useBoard,
} from '../../api/projects';
import { PageHeader } from '../../components/page-header';
import { useMessages } from '../../i18n';
import { useUrlParams } from '../../lib/use-url-params';
import { ProjectBoard } from './board';
import { CreateProjectButton } from './create-modal';
import { FilterBar } from './filter-bar';
import { FunnelPanel } from './funnel';
import { MoveModal } from './move-modal';
import { ProjectDrawer } from './project-drawer';
import { ProjectTable } from './project-list';
import { SavedViews, viewFilter } from './saved-views';
import { SourcesEditor } from './sources-editor';

export const MOVERS = ['admin', 'leader', 'officer'] as const;
const TABS = ['board', 'list', 'funnel'] as const;
type Tab = (typeof TABS)[number];

export function ProjectsPage({ me }: { me: Me }) {
  const m = useMessages().projects;
  const [params, patch] = useUrlParams();
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'board';
  const projectId = params.get('project') ?? undefined;
  const canMove = hasAnyRole(me, MOVERS);
  const [filter, setFilter] = useState<ProjectFilter>({});
  const [view, setView] = useState<SavedView | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [moving, setMoving] = useState<{ p: ProjectSummary; to: Stage } | null>(null);
  const board = useBoard(filter);
  const ownerName = typeof view?.query.ownerName === 'string' ? view.query.ownerName : undefined;

  const set = (key: string, value: string | null) => patch({ [key]: value });
  const open = (id: string) => set('project', id);
  /** New filters start the list at its first page; a hand-made change leaves the saved view. */
  const refilter = (next: ProjectFilter, from?: SavedView) => {
    setFilter(next);
    setView(from);
    setPaging((s) => ({ ...s, page: 1 }));
  };

  const tools = (
    <Flex gap={8} align="center">
      <SavedViews
        filter={filter}
        ownerName={ownerName}
        active={view?.id}
        onApply={(v) => refilter(v ? viewFilter(v.query) : {}, v)}
      />
      {tab === 'list' && (
        <Tooltip title={m.exportHint}>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter)} download data-testid="project-export">
            {m.exportXlsx}
          </Button>
        </Tooltip>
      )}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <Flex gap={8}>
            {hasAnyRole(me, ['admin', 'leader']) && <SourcesEditor />}
            {canMove && <CreateProjectButton />}
          </Flex>
        }
      />
      <Card styles={{ body: { padding: '4px 16px 16px' } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k === 'board' ? null : k)}
          tabBarExtraContent={tools}
          renderTabBar={(props, Bar) => (
            <>
              <Bar {...props} />
              <FilterBar
                filter={filter}
                onChange={(next) => refilter(next)}
                showStage={tab === 'list'}
                seen={board.data?.columns.flatMap((c) => c.items)}
                ownerName={ownerName}
              />
            </>
          )}
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
                  filter={filter}
                  paging={paging}
                  onPage={(page, pageSize) => setPaging({ page, pageSize })}
                  onSort={(sort, order) => refilter({ ...filter, sort, order }, view)}
                  onOpen={open}
                />
              ),
            },
            {
              key: 'funnel',
              label: m.tabs.funnel,
              children: <FunnelPanel filter={filter} active={tab === 'funnel'} />,
            },
          ]}
        />
      </Card>
      {moving && <MoveModal project={moving.p} to={moving.to} onClose={() => setMoving(null)} />}
      {projectId && <ProjectDrawer id={projectId} canMove={canMove} onClose={() => set('project', null)} />}
    </>
  );
}
