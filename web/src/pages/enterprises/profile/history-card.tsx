/** 变更记录: the firm's audit entries, newest first, each with the fields it changed; an edit of a
 *  year's figures, the IP counts or a 资质 is tagged with the part it changed. */
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../src/shared/api';
import { useMessages } from '../../../i18n';
import { formatTime } from '../../../lib/format';
import { asRecord } from '../../audit/audit-diff';
import { formatMoney, sourceText } from '../format';

// `source` (the file and row an import took a change from) is said in words under the headline.
const HIDDEN = new Set([
  'id',
  'orgId',
  'version',
  'createdAt',
  'updatedAt',
  'provenance',
  'nameNormalized',
  'source',
]);
const MAX_FIELDS = 8;
const COLORS = { create: 'green', update: 'blue', delete: 'red' } as const;

function show(v: unknown, empty: string): string {
  if (v === null || v === undefined || v === '') return empty;
  if (Array.isArray(v)) return v.map((x) => asRecord(x)?.name ?? show(x, empty)).join('、') || empty;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function changedFields(entry: AuditEntry): { field: string; before: unknown; after: unknown }[] {
  const before = asRecord(entry.before) ?? {};
  const after = asRecord(entry.after) ?? {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !HIDDEN.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

const MONEY = new Set([
  'registeredCapital',
  'revenue',
  'mainRevenue',
  'hightechRevenue',
  'rdExpense',
  'rdExpenseDomestic',
  'totalCost',
  'netProfit',
  'totalAssets',
  'totalLiabilities',
  'taxPaid',
]);

export function HistoryCard({ history }: { history: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const m = useMessages();
  const p = m.enterprises.profile;
  const facts = m.enterprises.facts;
  const empty = t('audit.empty');
  const label = (f: string) =>
    (MONEY.has(f) ? (facts.fields[f] ?? p[f as keyof typeof p]) : undefined) ??
    m.audit.fields[f] ??
    facts.fields[f] ??
    m.enterprises.ipKinds[f] ??
    f;
  const value = (field: string, v: unknown) => {
    if (field === 'tier' && typeof v === 'string') return m.enterprises.tiers[v] ?? v;
    // Money is stored in 元 (numeric columns arrive as strings): shown as the page shows it, in 万元 / 亿元.
    if (MONEY.has(field) && v !== null && v !== '' && Number.isFinite(Number(v)))
      return formatMoney(Number(v), en);
    return show(v, empty);
  };
  /** The part of the firm a fact edit changed (see facts-update.ts on the server). */
  const part = (e: AuditEntry) => {
    const rec = asRecord(e.after) ?? asRecord(e.before);
    if (rec?.fact === 'year') return facts.historyYear.replace('{{year}}', String(rec.year));
    if (rec?.fact === 'ip') return facts.historyIp;
    if (rec?.fact === 'qualification') return facts.historyQualification;
    return null;
  };
  const headline = (e: AuditEntry) => {
    const actor = e.actorName ?? p.system;
    const tpl =
      e.action === 'create' ? p.historyCreate : e.action === 'delete' ? p.historyDelete : p.historyUpdate;
    return tpl.replace('{{actor}}', actor);
  };

  return (
    <Card title={p.history} size="small" data-testid="history-card">
      {history.length === 0 ? (
        <Empty description={p.noHistory} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={history.map((e) => {
            const fields = changedFields(e);
            return {
              key: e.id,
              color: COLORS[e.action],
              title: formatTime(e.at),
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>
                    {headline(e)}
                    {part(e) && <Tag style={{ marginInlineStart: 8 }}>{part(e)}</Tag>}
                  </Typography.Text>
                  {asRecord(asRecord(e.after)?.source) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="history-source">
                      {sourceText(asRecord(asRecord(e.after)?.source) ?? undefined, m.enterprises)}
                    </Typography.Text>
                  )}
                  {e.action === 'update' &&
                    fields.slice(0, MAX_FIELDS).map((f) => (
                      <Typography.Text key={f.field} type="secondary" style={{ fontSize: 13 }}>
                        {label(f.field)}
                        {m.enterprises.colon}
                        {value(f.field, f.before)} → {value(f.field, f.after)}
                      </Typography.Text>
                    ))}
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
