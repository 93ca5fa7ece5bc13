/** How a target's score is made: six compact bars (each factor's points against its share of 100, on
 *  one scale), and the full breakdown — factor, weight, value, points and the server's reason — for an
 *  expanded row. */
import { Flex, Table, Tooltip, Typography } from 'antd';
import type { FactorScore, TargetFactor } from '../../api/chains';
import { useMessages } from '../../i18n';

export const FACTOR_COLOR: Record<TargetFactor, string> = {
  fit: '#1656d6',
  scale: '#13a8a8',
  innovation: '#722ed1',
  growth: '#389e0d',
  funding: '#d48806',
  proximity: '#c41d7f',
};

const one = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/** The points a factor can give at most: its weight's share of the total, times 100. */
export function maxPoints(f: FactorScore, all: readonly FactorScore[]): number {
  const total = all.reduce((s, x) => s + x.weight, 0) || 1;
  return (f.weight * 100) / total;
}

/** A bar's widths in % of the widest share: the factor's share of 100 (its track) and its points
 *  (the fill). Points, not the value: a factor of weight 0 gives 0 points, and showed a full bar. */
export function barWidths(f: FactorScore, all: readonly FactorScore[]): { share: number; points: number } {
  const top = Math.max(...all.map((x) => maxPoints(x, all)));
  if (!(top > 0)) return { share: 0, points: 0 };
  const pct = (v: number) => Math.min(100, Math.max(0, Math.round((v / top) * 100)));
  return { share: pct(maxPoints(f, all)), points: pct(f.points) };
}

export function FactorBars({ factors }: { factors: readonly FactorScore[] }) {
  const t = useMessages().chains.targets;
  const colon = useMessages().chains.colon;
  return (
    <Flex gap={8} wrap data-testid="target-factor-bars">
      {factors.map((f) => {
        const max = maxPoints(f, factors);
        const width = barWidths(f, factors);
        return (
          <Tooltip
            key={f.factor}
            title={
              <>
                <div>{`${t.factors[f.factor]}${colon}${one(f.points)} / ${one(max)}`}</div>
                <div style={{ opacity: 0.85 }}>{f.why}</div>
              </>
            }
          >
            <div style={{ width: 50, cursor: 'default' }} data-testid={`factor-${f.factor}`}>
              <Flex justify="space-between" style={{ fontSize: 11, lineHeight: '16px' }}>
                <span style={{ color: '#8c8c8c' }}>{t.short[f.factor]}</span>
                <span style={{ color: f.points > 0 ? '#262626' : '#bfbfbf', fontWeight: 500 }}>
                  {one(f.points)}
                </span>
              </Flex>
              <div style={{ height: 5, background: '#fafafa', borderRadius: 3, overflow: 'hidden' }}>
                <div
                  style={{ width: `${width.share}%`, height: '100%', background: '#e8e8e8', borderRadius: 3 }}
                  data-testid="factor-share"
                >
                  <div
                    style={{
                      width: width.share ? `${(width.points / width.share) * 100}%` : 0,
                      height: '100%',
                      background: FACTOR_COLOR[f.factor],
                      borderRadius: 3,
                    }}
                    data-testid="factor-points"
                    data-points={width.points}
                  />
                </div>
              </div>
            </div>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

export function FactorTable({ factors }: { factors: readonly FactorScore[] }) {
  const t = useMessages().chains.targets;
  return (
    <Table<FactorScore>
      rowKey="factor"
      size="small"
      bordered
      pagination={false}
      dataSource={[...factors]}
      data-testid="target-factors"
      columns={[
        {
          key: 'factor',
          title: t.col.factor,
          width: 170,
          render: (_, f) => (
            <Flex gap={6} align="center">
              <span
                style={{
                  width: 8,
                  height: 8,
                  borderRadius: 2,
                  background: FACTOR_COLOR[f.factor],
                  display: 'inline-block',
                }}
              />
              {t.factors[f.factor] ?? f.name}
            </Flex>
          ),
        },
        { key: 'weight', title: t.col.weight, width: 64, align: 'right', render: (_, f) => f.weight },
        {
          key: 'value',
          title: t.col.value,
          width: 70,
          align: 'right',
          render: (_, f) => `${Math.round(f.value * 100)}%`,
        },
        {
          key: 'points',
          title: t.col.points,
          width: 96,
          align: 'right',
          render: (_, f) => (
            <span>
              <Typography.Text strong>{one(f.points)}</Typography.Text>
              <Typography.Text type="secondary">{` / ${one(maxPoints(f, factors))}`}</Typography.Text>
            </span>
          ),
        },
        {
          key: 'why',
          title: t.col.why,
          render: (_, f) => <span data-testid={`why-${f.factor}`}>{f.why}</span>,
        },
      ]}
    />
  );
}

/** 契合 25 · 规模 15 …: the weights a ranking or a saved list used. */
export function WeightTags({ weights }: { weights: Record<TargetFactor, number> }) {
  const t = useMessages().chains.targets;
  const factors = Object.keys(FACTOR_COLOR) as TargetFactor[];
  return (
    <Flex gap={12} wrap align="center" data-testid="target-weights">
      {factors.map((f) => (
        <Tooltip key={f} title={t.factors[f]}>
          <span style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            <span
              style={{
                width: 8,
                height: 8,
                borderRadius: 2,
                background: FACTOR_COLOR[f],
                display: 'inline-block',
                marginInlineEnd: 4,
              }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.short[f]}
            </Typography.Text>{' '}
            <Typography.Text strong style={{ fontSize: 12 }}>
              {weights[f]}
            </Typography.Text>
          </span>
        </Tooltip>
      ))}
    </Flex>
  );
}

/** The score out of 100, bold, with a thin bar under it. */
export function ScoreCell({ score }: { score: number }) {
  const color = score >= 60 ? '#389e0d' : score >= 35 ? '#1656d6' : '#8c8c8c';
  return (
    <Flex vertical gap={3} style={{ width: 72 }} data-testid="target-score">
      <Typography.Text strong style={{ fontSize: 16, color, lineHeight: '20px' }}>
        {one(score)}
      </Typography.Text>
      <div style={{ height: 4, background: '#f0f0f0', borderRadius: 2 }}>
        <div
          style={{
            width: `${Math.min(100, score)}%`,
            height: '100%',
            background: color,
            borderRadius: 2,
          }}
        />
      </div>
    </Flex>
  );
}
