/** 诊断卡: each tier's verdict on the firm's registry facts under the rules in force on the assessment
 *  date (from `?date=` when opened from a screening, else today) — standing, score vs pass mark, rule set
 *  and document number, unmet criteria with actual vs required, what it would take, missing data and the
 *  direct path; one collapsible panel per tier in ladder order. Experts are not shown it (403). */
import { Alert, Card, Collapse, DatePicker, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Me } from '../../../../../src/shared/api';
import { TIERS, type TierStanding, useDiagnosis } from '../../../api/cultivation';
import { hasAnyRole } from '../../../api/me';
import { useMessages } from '../../../i18n';
import { fill } from '../../../i18n/fill';
import type { Messages } from '../../../i18n/zh-CN';
import { StandingTag } from '../../cultivation/standing';

type C = Messages['cultivation'];
const READERS = ['admin', 'leader', 'officer', 'analyst'] as const;
const listStyle = { margin: 0, paddingInlineStart: 18 };

function scoreLine(s: TierStanding, c: C): string {
  const pass = s.passScore;
  if (s.score !== null)
    return pass === null
      ? fill(c.card.scoreOnly, { score: s.score })
      : fill(c.card.scoreVs, { score: s.score, pass });
  if (s.scoreRange) {
    const [min, max] = s.scoreRange;
    return pass === null ? fill(c.card.range, { min, max }) : fill(c.card.rangeVs, { min, max, pass });
  }
  return c.card.noScore;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ marginTop: 4 }}>{children}</div>
    </div>
  );
}

function TierBody({ s, c }: { s: TierStanding; c: C }) {
  const verdict =
    s.eligible === true
      ? c.card.eligible.yes
      : s.eligible === false
        ? c.card.eligible.no
        : c.card.eligible.unknown;
  return (
    <Flex vertical gap={12} data-testid={`diagnosis-body-${s.tier}`}>
      <Flex gap={24} wrap>
        <Typography.Text>
          {verdict}
          {s.heldUntil &&
            `（${fill(c.card.heldUntil, { date: s.heldUntil.startsWith('9999') ? c.results.noExpiry : s.heldUntil })}）`}
        </Typography.Text>
        <Typography.Text>
          {c.card.score}
          {c.colon}
          {scoreLine(s, c)}
        </Typography.Text>
        <Typography.Text>
          {c.card.ruleset}
          {c.colon}
          {s.ruleset ? `${s.rulesetName}（${s.document}）` : c.card.noRuleset}
        </Typography.Text>
      </Flex>
      {s.directPath && (
        <Section title={c.card.directPath}>
          <Tag color="green">{s.directPath}</Tag>
        </Section>
      )}
      {s.unmet.length > 0 && (
        <Section title={c.card.unmet}>
          <ul style={listStyle} data-testid={`diagnosis-unmet-${s.tier}`}>
            {s.unmet.map((u) => (
              <li key={u.criterion}>
                {u.criterion}
                {c.colon}
                {fill(c.card.actualVs, { actual: u.actual, required: u.required })}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {s.gap.length > 0 && (
        <Section title={c.card.gap}>
          <ul style={listStyle} data-testid={`diagnosis-gap-${s.tier}`}>
            {s.gap.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </Section>
      )}
      {s.missing.length > 0 && (
        <Section title={c.card.missing}>
          <Flex gap={4} wrap>
            {s.missing.map((x) => (
              <Tag key={x} color="warning">
                {x}
              </Tag>
            ))}
          </Flex>
        </Section>
      )}
      {s.unmet.length === 0 && s.missing.length === 0 && s.eligible === true && !s.heldUntil && (
        <Typography.Text type="success">{c.card.allMet}</Typography.Text>
      )}
      {s.breakdown.length > 0 && (
        // The points per item are the evidence, but long: folded until asked for.
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'breakdown',
              label: fill(c.card.breakdownCount, { n: s.breakdown.length }),
              children: (
                <Table
                  size="small"
                  pagination={false}
                  rowKey="item"
                  dataSource={s.breakdown}
                  columns={[
                    { title: c.card.item, dataIndex: 'item', width: 220 },
                    {
                      title: c.card.points,
                      key: 'points',
                      width: 100,
                      align: 'right',
                      render: (_, b) =>
                        b.points !== null ? b.points : b.range ? `${b.range[0]}–${b.range[1]}` : '—',
                    },
                    { title: c.card.max, dataIndex: 'max', width: 70, align: 'right' },
                    { title: c.card.basis, dataIndex: 'basis' },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
      {s.notes.length > 0 && (
        <Section title={c.card.notes}>
          <ul style={listStyle}>
            {s.notes.map((n) => (
              <li key={n}>
                <Typography.Text type="secondary">{n}</Typography.Text>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Flex>
  );
}

function TierHeader({ s, m }: { s: TierStanding; m: Messages }) {
  const c = m.cultivation;
  return (
    <Flex gap={12} align="center" wrap data-testid={`diagnosis-tier-${s.tier}`}>
      <Typography.Text strong style={{ minWidth: 160 }}>
        {m.enterprises.tiers[s.tier] ?? s.tierName}
      </Typography.Text>
      <StandingTag status={s.status} testId={`diagnosis-status-${s.tier}`} />
      <Typography.Text type="secondary">{scoreLine(s, c)}</Typography.Text>
      {s.gap[0] && (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
          {s.gap[0]}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function DiagnosisCard({ enterpriseId, me }: { enterpriseId: string; me: Me }) {
  const m = useMessages();
  const c = m.cultivation;
  const [params] = useSearchParams();
  const fromUrl = params.get('date');
  const [date, setDate] = useState<string | undefined>(
    fromUrl && /^\d{4}-\d{2}-\d{2}$/.test(fromUrl) && dayjs(fromUrl).isValid() ? fromUrl : undefined,
  );
  const allowed = hasAnyRole(me, READERS);
  // Opened from a screening's list: the card judges 接近 by that screening's rule.
  const run = params.get('run') ?? undefined;
  const diagnosis = useDiagnosis(
    enterpriseId,
    date,
    allowed,
    run && /^[0-9a-f-]{36}$/.test(run) ? run : undefined,
  );
  if (!allowed) return null;

  const d = diagnosis.data;
  const byTier = new Map(d?.tiers.map((s) => [s.tier, s]));
  const tiers = TIERS.map((t) => byTier.get(t)).filter((s): s is TierStanding => !!s);
  // Open the lowest rung that can be acted on (eligible now, else close); the rest stay one line each.
  const next =
    tiers.find((s) => s.status === 'eligible') ?? tiers.find((s) => s.status === 'close') ?? undefined;
  const open = next ? [next.tier] : [];

  return (
    <Card
      title={c.card.title}
      size="small"
      data-testid="diagnosis-card"
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{c.card.date}</Typography.Text>
          <DatePicker
            size="small"
            allowClear={false}
            value={dayjs(date ?? d?.assessedOn ?? undefined)}
            onChange={(v) => setDate(v ? v.format('YYYY-MM-DD') : undefined)}
            data-testid="diagnosis-date"
          />
        </Flex>
      }
    >
      {diagnosis.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {diagnosis.error && <Alert type="error" showIcon title={diagnosis.error.message} />}
      {d && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{c.card.subtitle}</Typography.Text>
          {!d.ok && (
            <Alert
              type="warning"
              showIcon
              data-testid="diagnosis-errors"
              title={fill(c.card.insufficient, {
                list: d.errors.map((e) => `${e.field} ${e.message}`).join(c.sep),
              })}
            />
          )}
          {d.ok && tiers.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          {tiers.length > 0 && (
            <Collapse
              key={d.assessedOn}
              size="small"
              defaultActiveKey={open}
              items={tiers.map((s) => ({
                key: s.tier,
                label: <TierHeader s={s} m={m} />,
                extra: s.ruleset ? (
                  <Tag
                    color={s.provisional ? 'orange' : 'default'}
                    data-testid={`diagnosis-document-${s.tier}`}
                  >
                    {s.document}
                    {s.provisional && `（${c.card.provisional}）`}
                  </Tag>
                ) : undefined,
                children: <TierBody s={s} c={c} />,
              }))}
            />
          )}
          {d.assumptions.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="diagnosis-assumptions">
              {fill(c.card.assumptions, { list: d.assumptions.join(c.sep) })}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
