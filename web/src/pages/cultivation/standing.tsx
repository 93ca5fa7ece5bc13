/** A firm's standing on a tier (已认定 / 可申报 / 接近 / 待补资料 / 差距较大): its tag, chart colour and
 *  the movement since the previous run; shared by the 培育库 page and the profile's 诊断卡. */
import { Tag, Tooltip, Typography } from 'antd';
import type { Standing } from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

/** The order the ladder stacks them in: what is won first, what is far last. */
export const STANDING_ORDER: readonly Standing[] = ['holding', 'eligible', 'close', 'unknown', 'far'];

export const STANDING_TAG: Record<Standing, string> = {
  holding: 'success',
  eligible: 'processing',
  close: 'warning',
  unknown: 'default',
  far: 'error',
};

export const STANDING_COLOR: Record<Standing, string> = {
  holding: '#389e0d',
  eligible: '#1656d6',
  close: '#faad14',
  unknown: '#bfbfbf',
  far: '#ffa39e',
};

/** Counts in the rung table, readable on white. */
export const STANDING_TEXT: Record<Standing, string> = {
  holding: '#389e0d',
  eligible: '#1656d6',
  close: '#d48806',
  unknown: '#595959',
  far: '#cf1322',
};

/** Higher is nearer the title; a move up the order is progress. */
const RANK: Record<Standing, number> = { far: 0, unknown: 1, close: 2, eligible: 3, holding: 4 };

export function StandingTag({ status, testId }: { status: Standing; testId?: string }) {
  const m = useMessages().cultivation;
  return (
    <Tooltip title={m.standingHints[status]}>
      <Tag color={STANDING_TAG[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
        {m.standings[status]}
      </Tag>
    </Tooltip>
  );
}

/** "↑ 原为 接近" when the firm's standing changed since the previous run. */
export function Movement({ now, before }: { now: Standing; before: Standing | null }) {
  const m = useMessages().cultivation;
  if (!before || before === now) return null;
  const up = RANK[now] > RANK[before];
  return (
    <Typography.Text type={up ? 'success' : 'warning'} style={{ fontSize: 12 }} data-testid="movement">
      {fill(up ? m.results.up : m.results.down, { status: m.standings[before] })}
    </Typography.Text>
  );
}

/** "+12", "-3", "±0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `-${Math.abs(n)}`;
  return '±0';
}
