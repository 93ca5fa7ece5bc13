/** A 看板 card: the project, its firm, owner, planned investment and last follow-up, marked when nothing
 *  happened for 30 days; a drag source for moving, with a 推进 menu as the keyboard path. */
import { ClockCircleOutlined, ExclamationCircleFilled, MoreOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Tooltip, Typography } from 'antd';
import type { Stage } from '../../../../src/domain/project/stages';
import type { ProjectSummary } from '../../api/projects';
import { useMoney } from '../../components/use-money';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { formatDate } from '../../lib/format';
import { isStale, STAGE_COLOR, useStaleDays } from './common';
import { moveTargets } from './move-modal';
import { useStageNames } from './stage-names';

/** The drag data type, so a drop elsewhere on the page is not taken for a card. */
export const MIME = 'application/x-kezhao-project';

export function ProjectCard({
  p,
  canMove,
  onOpen,
  onMove,
  onDragStart,
  onDragEnd,
}: {
  p: ProjectSummary;
  canMove: boolean;
  onOpen: () => void;
  onMove: (to: Stage) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const stageNames = useStageNames();
  const b = useMessages().projects.board;
  const formatMoney = useMoney();
  const staleDays = useStaleDays();
  const stale = isStale(p, staleDays);
  const draggable = canMove && p.stage !== 'terminated';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drag source; the card's 推进 menu is the keyboard path
    <div
      className="project-card"
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData(MIME, p.id);
        e.dataTransfer.setData('text/plain', p.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      data-testid={`project-card-${p.name}`}
      style={{
        background: '#fff',
        border: '1px solid #e4e8ee',
        borderLeft: `3px solid ${STAGE_COLOR[p.stage]}`,
        borderRadius: 6,
        padding: '8px 8px 8px 9px',
        cursor: draggable ? 'grab' : 'default',
        boxShadow: '0 1px 2px rgba(16, 24, 40, 0.04)',
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={4}>
        <Typography.Link
          strong
          onClick={onOpen}
          style={{
            fontSize: 13,
            lineHeight: '20px',
            color: '#1f2329',
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }}
          title={p.name}
          data-testid="project-card-open"
        >
          {p.name}
        </Typography.Link>
        {canMove && p.stage !== 'terminated' && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: moveTargets(p.stage).map((s) => ({
                key: s,
                label: stageNames[s],
                danger: s === 'terminated',
              })),
              onClick: ({ key }) => onMove(key as Stage),
            }}
          >
            <Button
              size="small"
              type="text"
              icon={<MoreOutlined />}
              title={b.move}
              style={{ flex: 'none', width: 22, height: 22, marginRight: -4 }}
              aria-label={b.move}
              data-testid="project-card-move"
            />
          </Dropdown>
        )}
      </Flex>
      <Typography.Text
        type="secondary"
        ellipsis
        style={{ fontSize: 12, display: 'block' }}
        title={p.enterpriseName}
      >
        {p.enterpriseName}
      </Typography.Text>
      {/* Owner and amount share a line when the column is wide enough; in a narrow column (1366 px)
          the amount wraps to its own line, right-aligned, so the owner's name is never cut short. */}
      <Flex
        justify="space-between"
        align="center"
        wrap
        style={{ marginTop: 6, fontSize: 12, lineHeight: '18px', columnGap: 6 }}
      >
        <span
          style={{ color: '#595959', minWidth: 0, overflowWrap: 'anywhere' }}
          data-testid="project-card-owner"
        >
          <UserOutlined style={{ marginRight: 4, color: '#8c8c8c' }} />
          {p.ownerName ?? '—'}
        </span>
        <span
          style={{ color: '#1f2329', fontWeight: 500, whiteSpace: 'nowrap', marginLeft: 'auto' }}
          data-testid="project-card-investment"
        >
          {p.plannedInvestment === null ? '—' : formatMoney(p.plannedInvestment)}
        </span>
      </Flex>
      <Flex
        justify="space-between"
        align="center"
        style={{ marginTop: 6, paddingTop: 6, borderTop: '1px dashed #eef0f3', fontSize: 12 }}
      >
        <Tooltip title={b.lastFollowUp}>
          <span style={{ color: '#8c8c8c' }}>
            <ClockCircleOutlined style={{ marginRight: 4 }} />
            {p.lastFollowUp ? formatDate(p.lastFollowUp) : b.noFollowUp}
          </span>
        </Tooltip>
        {stale && (
          <Tooltip title={fill(b.stale, { days: staleDays })}>
            <span style={{ color: '#d46b08' }} data-testid="project-card-stale">
              <ExclamationCircleFilled style={{ marginRight: 3 }} />
              {b.staleShort}
            </span>
          </Tooltip>
        )}
      </Flex>
    </div>
  );
}
