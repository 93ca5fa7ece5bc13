/** Before/after of one audit entry, field by field, with changed fields highlighted. */
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src/shared/api';
import { useMessages } from '../../i18n';
import { useStageNames } from '../projects/stage-names';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

export function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** A list stored in the log (a year's targets, one per tier) as rows keyed by what names each item —
 *  its tier, key or id — or by position, so it reads like any other entry instead of not at all. */
function listAsRecord(v: unknown): Record<string, unknown> | null {
  if (!Array.isArray(v)) return asRecord(v);
  const objects = v.every((x) => asRecord(x));
  const id = objects
    ? ['tier', 'key', 'id'].find((k) => v.every((x) => typeof x[k] === 'string'))
    : undefined;
  return Object.fromEntries(
    v.map((x, i) => {
      if (!id) return [String(i + 1), x];
      const { [id]: name, ...rest } = x as Record<string, unknown>;
      return [String(name), rest];
    }),
  );
}

export function diffRows(entry: Pick<AuditEntry, 'before' | 'after'>): Row[] {
  const before = listAsRecord(entry.before);
  const after = listAsRecord(entry.after);
  if (!before && !after) return [];
  if ((entry.before !== null && !before) || (entry.after !== null && !after)) {
    return [{ field: '—', before: entry.before, after: entry.after, changed: true }];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = keys.map((field) => {
    const b = before?.[field];
    const a = after?.[field];
    return { field, before: b, after: a, changed: show(b) !== show(a) };
  });
  // For an update the changed fields matter most, so they come first.
  return before && after ? [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)] : rows;
}

/** A short human name for the changed object, taken from its after (or before) state. */
export function auditObjectName(
  entry: Pick<AuditEntry, 'before' | 'after'>,
  kindLabel: (kind: string) => string = (k) => k,
): string {
  const v = asRecord(entry.after) ?? asRecord(entry.before);
  if (!v) return '—';
  if (typeof v.displayName === 'string') return `${v.displayName}（${String(v.username ?? '')}）`;
  if (typeof v.name === 'string') return v.name;
  if (typeof v.enterprise === 'string') return v.enterprise;
  if (typeof v.title === 'string') return v.title;
  // A 政策推送 batch records the policy it was generated for (one push records its firm, above).
  if (typeof v.policy === 'string') return v.policy;
  if (typeof v.username === 'string') return v.username;
  if (typeof v.kind === 'string') return kindLabel(v.kind);
  return '—';
}

const STAGE_FIELDS = new Set(['stage', 'fromStage', 'toStage']);

/** Coded values a reader should not have to decode: a project's or a 培育路径's stage, a tier key. */
function useValueName(): (field: string, v: unknown) => string | undefined {
  const m = useMessages();
  const projectStages: Record<string, string> = useStageNames();
  return (field, v) => {
    if (typeof v !== 'string') return undefined;
    if (STAGE_FIELDS.has(field))
      return projectStages[v] ?? m.cultivation.stages[v as keyof typeof m.cultivation.stages];
    if (field === 'tier') return m.enterprises.tiers[v];
    if (field === 'status') return m.audit.statuses[v];
    return undefined;
  };
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const m = useMessages();
  const valueName = useValueName();
  const rows = diffRows(entry);
  const empty = <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  const cell = (v: unknown, row: Row, side: 'before' | 'after') => {
    if (v === undefined || v === null) return empty;
    const text = (
      <span style={{ wordBreak: 'break-all', fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
        {valueName(row.field, v) ?? show(v)}
      </span>
    );
    if (!row.changed) return text;
    return (
      <Tag color={side === 'before' ? 'red' : 'green'} style={{ whiteSpace: 'normal' }}>
        {text}
      </Tag>
    );
  };
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid="audit-diff"
      style={{ margin: '4px 0 8px' }}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          width: 220,
          render: (f: string, row) => (
            <span>
              <Typography.Text strong={row.changed}>
                {m.audit.fields[f] ?? m.enterprises.tiers[f] ?? f}
              </Typography.Text>
              {m.audit.fields[f] && (
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                  {f}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { title: t('audit.before'), dataIndex: 'before', render: (v, row) => cell(v, row, 'before') },
        { title: t('audit.after'), dataIndex: 'after', render: (v, row) => cell(v, row, 'after') },
      ]}
    />
  );
}
