/** The audit filter, shared by the audit list and the audit export job. */
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { auditLog, orgs } from '../../../db/schema/index.js';
import type { AuditExportBody } from '../../../shared/api.js';

export type AuditFilter = z.infer<typeof AuditExportBody>;

/** Rows of orgs within `orgPath`; rows without an org (system-wide) are visible only at the root. */
export function auditWhere(orgPath: string, filter: AuditFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    sql`(${auditLog.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${orgPath}%`}))`,
  ];
  if (filter.entity) conds.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conds.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorId) conds.push(eq(auditLog.actorId, filter.actorId));
  if (filter.from) conds.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00+08:00`)));
  if (filter.to)
    conds.push(lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86400_000)));
  return and(...conds);
}
