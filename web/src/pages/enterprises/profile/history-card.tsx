/** 变更记录: the firm's audit entries, newest first, each with the fields it changed. */
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../../src/shared/api';
import { useMessages } from '../../../i18n';
import { formatTime } from '../../../lib/format';
import { asRecord } from '../../audit/audit-diff';

const HIDDEN = new Set(['id', 'orgId', 'version', 'createdAt', 'updatedAt', 'provenance', 'nameNormalized']);
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

export function HistoryCard({ history }: { history: AuditEntry[] }) {
  const { t } = useTranslation();
  const m = useMessages();
  const p = m.enterprises.profile;
  const empty = t('audit.empty');
  const label = (f: string) => m.audit.fields[f] ?? f;
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
                  <Typography.Text strong>{headline(e)}</Typography.Text>
                  {e.action === 'update' &&
                    fields.slice(0, MAX_FIELDS).map((f) => (
                      <Typography.Text key={f.field} type="secondary" style={{ fontSize: 13 }}>
                        {label(f.field)}
                        {m.enterprises.colon}
                        {show(f.before, empty)} → {show(f.after, empty)}
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
