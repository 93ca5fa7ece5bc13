/** The four strengths' colours and tag, and the one-line legend of them above the map. */
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { STRENGTHS, type Strength } from '../../api/chains';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';

export const STRENGTH_COLOR: Record<Strength, string> = {
  strong: '#389e0d',
  average: '#1677ff',
  weak: '#fa8c16',
  missing: '#cf1322',
};
/** Segments (上游/中游/下游) and the chain itself are not judged: neutral grey. */
export const SEGMENT_COLOR = '#8c8c8c';

const TAG_COLOR: Record<Strength, string> = {
  strong: 'green',
  average: 'blue',
  weak: 'orange',
  missing: 'red',
};

export function StrengthTag({ strength, reason }: { strength: Strength; reason?: string }) {
  const c = useMessages().chains;
  const tag = (
    <Tag color={TAG_COLOR[strength]} style={{ marginInlineEnd: 0 }} data-testid={`strength-${strength}`}>
      {c.strengths[strength]}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

function Dot({ color }: { color: string }) {
  return (
    <span
      style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: color }}
    />
  );
}

/** 优势 ● 5 个 · 一般 ● 12 个 …: the colours the map uses, with how many nodes have each. */
export function StrengthLegend({ counts }: { counts: Record<Strength, number> }) {
  const c = useMessages().chains;
  return (
    <Flex gap={20} align="center" wrap data-testid="strength-legend">
      {STRENGTHS.map((s) => (
        <Tooltip key={s} title={c.strengthHints[s]}>
          <Flex gap={6} align="center">
            <Dot color={STRENGTH_COLOR[s]} />
            <span>{c.strengths[s]}</span>
            <Typography.Text type="secondary">{fill(c.legendCount, { n: counts[s] })}</Typography.Text>
          </Flex>
        </Tooltip>
      ))}
      <Flex gap={6} align="center">
        <Dot color={SEGMENT_COLOR} />
        <Typography.Text type="secondary">{c.segments.segment}</Typography.Text>
      </Flex>
    </Flex>
  );
}
