/** 看板: one column per pipeline stage (线索 … 投产), then 暂停 and 终止 folded at the end, all from one
 *  request; a column shows its first cards and, when it holds more, how many in all. A card shows the
 *  project, its firm, owner, planned investment and last follow-up, marked when nothing happened for
 *  30 days. Dragging a card to another column (HTML5 drag and drop) or its 推进 menu opens the move
 *  dialog for that stage; analysts see the board read only. */
import { ExclamationCircleFilled, RightOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import { PIPELINE, type Stage } from '../../../../src/domain/project/stages';
import type { Board, BoardColumn, ProjectSummary } from '../../api/projects';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { MIME, ProjectCard } from './board-card';
import { STAGE_COLOR, useStaleDays } from './common';
import { useStageNames } from './stage-names';

const SIDE: Stage[] = ['paused', 'terminated'];
/** A pipeline column's narrowest width: seven of them, 暂停 and 终止 folded and the gaps fit the 1,064 px
 *  the page leaves at 1366 px with the side menu open (and a vertical scrollbar), so no column is cut
 *  off; below that the board scrolls sideways. */
const COLUMN_MIN = 126;

function Column({
  stage,
  data,
  canMove,
  dragging,
  collapsed,
  onToggle,
  onDropCard,
  onOpen,
  onMove,
  setDragging,
}: {
  stage: Stage;
  data: BoardColumn | undefined;
  canMove: boolean;
  dragging: ProjectSummary | null;
  collapsed: boolean;
  onToggle?: () => void;
  onDropCard: (id: string, to: Stage) => void;
  onOpen: (id: string) => void;
  onMove: (p: ProjectSummary, to: Stage) => void;
  setDragging: (p: ProjectSummary | null) => void;
}) {
  const stageNames = useStageNames();
  const b = useMessages().projects.board;
  const [over, setOver] = useState(false);
  const droppable = canMove && !!dragging && dragging.stage !== stage;
  const total = data?.total ?? 0;
  // Past the server's cap a column's total is a lower bound: show "1000+".
  const shown = data?.totalCapped ? `${total}+` : total;
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      if (!droppable) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const id = e.dataTransfer.getData(MIME) || e.dataTransfer.getData('text/plain');
      if (id) onDropCard(id, stage);
    },
  };
  const ring = over ? '#1656d6' : droppable ? '#9db8ee' : '#e9edf2';

  if (collapsed)
    return (
      <Tooltip title={b.collapsed} placement="left">
        <button
          type="button"
          {...dropProps}
          onClick={onToggle}
          data-testid={`board-column-${stage}`}
          style={{
            flex: '0 0 44px',
            background: over ? '#eef3fd' : '#f5f7fa',
            border: `1px ${droppable ? 'dashed' : 'solid'} ${ring}`,
            borderTop: `3px solid ${STAGE_COLOR[stage]}`,
            borderRadius: 8,
            cursor: 'pointer',
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: 8,
            padding: '12px 0',
            font: 'inherit',
          }}
        >
          <RightOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
          <span style={{ writingMode: 'vertical-rl', letterSpacing: 4, fontWeight: 600, color: '#434343' }}>
            {stageNames[stage]}
          </span>
          <Badge
            count={shown}
            overflowCount={100000}
            showZero
            color={total ? STAGE_COLOR[stage] : '#d9d9d9'}
          />
        </button>
      </Tooltip>
    );

  return (
    <div
      {...dropProps}
      data-testid={`board-column-${stage}`}
      style={{
        flex: SIDE.includes(stage) ? '0 0 200px' : '1 1 0',
        minWidth: COLUMN_MIN,
        background: over ? '#eef3fd' : '#f5f7fa',
        border: `1px ${droppable ? 'dashed' : 'solid'} ${ring}`,
        borderTop: `3px solid ${STAGE_COLOR[stage]}`,
        borderRadius: 8,
        display: 'flex',
        flexDirection: 'column',
        transition: 'background .15s',
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '10px 8px 8px' }}>
        <Flex align="center" gap={6}>
          <span style={{ fontWeight: 600, color: '#1f2329' }}>{stageNames[stage]}</span>
          <span
            style={{
              fontSize: 12,
              color: '#595959',
              background: '#e9edf2',
              borderRadius: 10,
              padding: '0 7px',
              lineHeight: '18px',
            }}
            data-testid="board-column-count"
          >
            {shown}
          </span>
        </Flex>
        {onToggle && (
          <Button size="small" type="text" onClick={onToggle} style={{ fontSize: 12, color: '#8c8c8c' }}>
            {b.collapse}
          </Button>
        )}
      </Flex>
      <Flex
        vertical
        gap={8}
        style={{ padding: '0 6px 10px', minHeight: 'max(240px, calc(100vh - 400px))', flex: 1 }}
      >
        {data?.items.map((p) => (
          <ProjectCard
            key={p.id}
            p={p}
            canMove={canMove}
            onOpen={() => onOpen(p.id)}
            onMove={(to) => onMove(p, to)}
            onDragStart={() => setDragging(p)}
            onDragEnd={() => setDragging(null)}
          />
        ))}
        {total === 0 && (
          <div style={{ textAlign: 'center', color: '#bfbfbf', fontSize: 12, paddingTop: 28 }}>{b.empty}</div>
        )}
        {data && total > data.items.length && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="board-column-more">
            {fill(b.more, { total: shown, n: data.items.length })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}

export function ProjectBoard({
  board,
  loading,
  canMove,
  onOpen,
  onMove,
}: {
  board: Board | undefined;
  loading: boolean;
  canMove: boolean;
  onOpen: (id: string) => void;
  onMove: (p: ProjectSummary, to: Stage) => void;
}) {
  const m = useMessages().projects;
  const b = m.board;
  const [dragging, setDragging] = useState<ProjectSummary | null>(null);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const staleDays = useStaleDays();
  if (loading && !board) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!board) return <Empty />;
  const column = new Map(board.columns.map((c) => [c.stage, c]));
  const all = board.columns.flatMap((c) => c.items);
  const dropCard = (id: string, to: Stage) => {
    const p = all.find((x) => x.id === id);
    setDragging(null);
    if (p && p.stage !== to) onMove(p, to);
  };
  const common = { canMove, dragging, onDropCard: dropCard, onOpen, onMove, setDragging };
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 4 }} data-testid="project-board">
      <Flex gap={20} align="center" style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 10 }} wrap>
        <span>{canMove ? b.dropHint : b.readOnly}</span>
        <span>
          <ExclamationCircleFilled style={{ color: '#d46b08', marginRight: 4 }} />
          {b.staleShort}
          {m.colon}
          {fill(b.stale, { days: staleDays })}
        </span>
      </Flex>
      <Flex
        gap={8}
        align="stretch"
        style={{
          minWidth: PIPELINE.length * COLUMN_MIN + SIDE.length * (44 + 8) + (PIPELINE.length - 1) * 8,
        }}
      >
        {PIPELINE.map((s) => (
          <Column key={s} stage={s} data={column.get(s)} collapsed={false} {...common} />
        ))}
        {SIDE.map((s) => (
          <Column
            key={s}
            stage={s}
            data={column.get(s)}
            collapsed={!open[s]}
            onToggle={() => setOpen((o) => ({ ...o, [s]: !o[s] }))}
            {...common}
          />
        ))}
      </Flex>
    </div>
  );
}
