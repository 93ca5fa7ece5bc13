/** A finished run: its facts (date, firms, close rule, what it is compared with), the ladder chart, the
 *  counts per tier and standing (each count opens that list), and the rule sets the run applied. */
import { Button, Card, Col, Descriptions, Flex, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { type Ladder, type LadderRung, TIERS, type Tier } from '../../api/cultivation';
import { useMessages } from '../../i18n';
import { fill } from '../../i18n/fill';
import { deltaText, LadderChart } from './ladder-chart';
import { STANDING_ORDER, STANDING_TEXT } from './standing';
import type { StandingFilter } from './use-pool-state';

/** Runs record whether a rule set is provisional; older runs did not, and the 2026 rules say so in
 *  their id and document number. */
const isProvisional = (rs: { id: string; document: string; provisional?: boolean }) =>
  rs.provisional ?? (/2026/.test(rs.id) || rs.document.includes('〔2026〕'));

function Rulesets({ rulesets }: { rulesets: Ladder['run']['rulesets'] }) {
  const m = useMessages();
  const c = m.cultivation;
  const tiers = TIERS.filter((t) => rulesets[t]);
  if (tiers.length === 0) return null;
  return (
    <Flex gap={8} wrap align="center" data-testid="run-rulesets">
      <Typography.Text type="secondary">
        {c.ladder.rulesets}
        {c.colon}
      </Typography.Text>
      {tiers.map((t) => {
        const rs = rulesets[t];
        const provisional = isProvisional(rs);
        return (
          <Tooltip key={t} title={provisional ? c.ladder.provisionalHint : (rs.name ?? rs.id)}>
            <Tag color={provisional ? 'orange' : 'default'} data-testid={`ruleset-${t}`}>
              {m.enterprises.tiers[t] ?? t}
              {c.colon}
              {rs.document}
              {provisional && `（${c.ladder.provisional}）`}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

function RungTable({
  rungs,
  selected,
  onSelect,
}: {
  rungs: LadderRung[];
  selected: Tier;
  onSelect: (tier: Tier, status?: StandingFilter) => void;
}) {
  const m = useMessages();
  const c = m.cultivation;
  // Top rung first, as the chart draws them.
  const rows = [...rungs].reverse();
  return (
    <Table<LadderRung>
      size="small"
      rowKey="tier"
      pagination={false}
      dataSource={rows}
      data-testid="rung-table"
      onRow={(r) => ({
        onClick: () => onSelect(r.tier),
        style: { cursor: 'pointer', background: r.tier === selected ? '#e6f0ff' : undefined },
        'data-testid': `rung-${r.tier}`,
      })}
      columns={[
        {
          title: c.ladder.tier,
          key: 'tier',
          render: (_, r) => (
            <Flex vertical>
              <Typography.Text strong={r.tier === selected} style={{ whiteSpace: 'nowrap' }}>
                {m.enterprises.tiers[r.tier] ?? r.tierName}
              </Typography.Text>
              {r.previous && (
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12 }}
                  data-testid={`rung-${r.tier}-change`}
                >
                  {deltaText(r, c)}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        ...STANDING_ORDER.map((s) => ({
          title: c.standings[s],
          key: s,
          align: 'right' as const,
          onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' as const } }),
          render: (_: unknown, r: LadderRung) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, color: r[s] === 0 ? undefined : STANDING_TEXT[s] }}
              disabled={r[s] === 0}
              data-testid={`rung-${r.tier}-${s}`}
              onClick={(e) => {
                e.stopPropagation();
                onSelect(r.tier, s);
              }}
            >
              {r[s]}
            </Button>
          ),
        })),
      ]}
    />
  );
}

export function LadderPanel({
  ladder,
  selected,
  onSelect,
}: {
  ladder: Ladder;
  selected: Tier;
  onSelect: (tier: Tier, status?: StandingFilter) => void;
}) {
  const c = useMessages().cultivation;
  const { run, rungs } = ladder;
  const previous = rungs.find((r) => r.previous)?.previous ?? null;
  return (
    <Card title={c.ladder.title} data-testid="ladder" style={{ marginBottom: 16 }}>
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            {
              key: 'date',
              label: c.ladder.assessedOn,
              children: <span data-testid="run-date">{run.assessedOn}</span>,
            },
            {
              key: 'firms',
              label: c.ladder.firms,
              children: fill(c.ladder.firmsValue, { firms: run.firms }),
            },
            {
              key: 'close',
              label: c.ladder.closeRule,
              // Runs made before the per-criterion tolerance existed did not look at distances.
              children:
                run.closeRule.tolerance === undefined
                  ? fill(c.ladder.closeRuleValue, run.closeRule)
                  : fill(c.ladder.closeRuleTolerance, {
                      ...run.closeRule,
                      percent: Math.round(run.closeRule.tolerance * 1000) / 10,
                    }),
            },
            {
              key: 'previous',
              label: c.ladder.change,
              children: previous ? fill(c.ladder.since, { date: previous.assessedOn }) : c.ladder.noPrevious,
            },
          ]}
        />
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={11}>
            <LadderChart rungs={rungs} selected={selected} onSelect={onSelect} />
          </Col>
          <Col xs={24} xl={13}>
            <RungTable rungs={rungs} selected={selected} onSelect={onSelect} />
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
              {c.ladder.clickHint}
            </Typography.Text>
          </Col>
        </Row>
        <Rulesets rulesets={run.rulesets} />
      </Flex>
    </Card>
  );
}
