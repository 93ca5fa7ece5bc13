/** Before/after of one audit entry, field by field, with changed fields highlighted. */
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../src/shared/api';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function diffRows(entry: Pick<AuditEntry, 'before' | 'after'>): Row[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  if (!before && !after) return [];
  if ((entry.before !== null && !before) || (entry.after !== null && !after)) {
    return [{ field: '—', before: entry.before, after: entry.after, changed: true }];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((field) => {
    const b = before?.[field];
    const a = after?.[field];
    return { field, before: b, after: a, changed: show(b) !== show(a) };
  });
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = diffRows(entry);
  const empty = <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  const cell = (v: unknown, row: Row, side: 'before' | 'after') => {
    if (v === undefined || v === null) return empty;
    const text = (
      <span style={{ wordBreak: 'break-all', fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
        {show(v)}
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
          width: 180,
          render: (f: string, row) => <Typography.Text strong={row.changed}>{f}</Typography.Text>,
        },
        { title: t('audit.before'), dataIndex: 'before', render: (v, row) => cell(v, row, 'before') },
        { title: t('audit.after'), dataIndex: 'after', render: (v, row) => cell(v, row, 'after') },
      ]}
    />
  );
}
