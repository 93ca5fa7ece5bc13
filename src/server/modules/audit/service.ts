import { count, desc } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { auditLog } from '../../../db/schema/index.js';
import type { AuditEntry, AuditQuery } from '../../../shared/api.js';
import type { Actor } from '../../access.js';
import { auditWhere } from './query.js';

type Row = typeof auditLog.$inferSelect;

export function presentAudit(row: Row): AuditEntry {
  return { ...row, id: String(row.id), at: row.at.toISOString(), action: row.action as AuditEntry['action'] };
}

export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof AuditQuery>) {
  const where = auditWhere(actor.orgPath, query);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(auditLog).where(where);
  return { items: rows.map(presentAudit), total: n };
}
