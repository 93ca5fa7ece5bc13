/** Audit rows are written by the service inside the transaction that makes the change. */

import type { Tx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { AuditEntity } from '../shared/audit-entities.js';
import type { Actor } from './access.js';
import { sessionCache } from './modules/auth/session-cache.js';

export type AuditAction = 'create' | 'update' | 'delete';

export async function writeAudit(
  tx: Tx,
  actor: Pick<Actor, 'id' | 'displayName'> | null,
  entry: {
    action: AuditAction;
    entity: AuditEntity;
    entityId: string;
    orgId: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  // A changed user or org may change what a cached session's actor holds (roles, org, path).
  if (entry.entity === 'user' || entry.entity === 'org') sessionCache.clear();
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'system',
    orgId: entry.orgId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : redact(entry.before),
    after: entry.after === undefined ? null : redact(entry.after),
  });
}

const SECRET_KEYS = new Set(['passwordHash', 'password', 'csrfToken']);

/** Secrets never reach the audit log; that a password changed is recorded as "***". */
function redact(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? '***' : redact(v);
  return out;
}
