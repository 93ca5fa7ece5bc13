/** The cells of a screening result row that explain the verdict: the score, the unmet criteria and
 *  what it would take (or the direct path that makes the firm eligible whatever its score). */
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { ScreeningResultItem } from '../../api/cultivation';
import { fill } from '../../i18n/fill';
import type { Messages } from '../../i18n/zh-CN';

type Props = { r: ScreeningResultItem; c: Messages['cultivation'] };

const listStyle = { margin: 0, paddingInlineStart: 16 };

function scoreText(r: ScreeningResultItem): string {
  if (r.score !== null) return String(r.score);
  if (r.scoreMin !== null && r.scoreMax !== null) return `${r.scoreMin}–${r.scoreMax}`;
  return '—';
}

/** Eligible by a direct path (a valid 高企 title, a provincial R&D institution …): the score may be
 *  below the pass mark and does not matter. */
const byPath = (r: ScreeningResultItem) => r.status === 'eligible' && r.directPath !== null;

/** The route's score stays visible (it says how far the firm is on its own figures), muted and
 *  explained where a direct path decides, so that 55 beside 可申报 does not read as a failure. */
export function ScoreCell({ r, c }: Props) {
  if (!byPath(r)) return scoreText(r);
  return (
    <Tooltip title={c.results.scoreByPath}>
      <Typography.Text type="secondary" data-testid="result-score-by-path">
        {scoreText(r)}
      </Typography.Text>
    </Tooltip>
  );
}

/** 还差什么: for a firm eligible by a direct path, the path instead of the scoring route's shortfalls;
 *  for one that meets a path but not yet the basic conditions, the path above what it lacks. */
export function GapCell({ r, c }: Props) {
  const eligibleByPath = byPath(r);
  const path = r.directPath !== null && r.status !== 'holding' && (
    <Tooltip title={eligibleByPath ? c.results.directPathHint : c.results.directPathOpen}>
      <Tag
        color={eligibleByPath ? 'success' : 'default'}
        style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
        data-testid="result-direct-path"
      >
        {fill(c.results.directPath, { path: r.directPath })}
      </Tag>
    </Tooltip>
  );
  if (eligibleByPath) return path;
  if (!path && r.gap.length === 0 && r.missing.length === 0) return '—';
  return (
    <Flex vertical gap={4} align="flex-start">
      {path}
      {r.gap.length > 0 && (
        <ul style={listStyle}>
          {r.gap.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      {r.missing.length > 0 && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {fill(c.results.missing, { list: r.missing.join('、') })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 未满足的条件. A firm far from the tier is stored with the criteria's names only (the run keeps its
 *  rows small), so no empty "实际 ，要求 " is printed; a long requirement (the list of direct paths)
 *  is cut to two lines, whole in its tooltip, so one row does not fill the screen. */
export function UnmetCell({ r, c }: Props) {
  if (r.unmet.length === 0) return '—';
  return (
    <ul style={listStyle}>
      {r.unmet.map((u) => {
        const text =
          u.actual || u.required
            ? `${u.criterion}${c.colon}${fill(c.results.actualVs, { actual: u.actual, required: u.required })}`
            : u.criterion;
        return (
          <li key={u.criterion}>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ margin: 0 }}>
              {text}
            </Typography.Paragraph>
          </li>
        );
      })}
    </ul>
  );
}
