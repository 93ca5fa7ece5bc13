/** Editing a firm's basic facts: validated, version-checked, audited, and each changed field records
 *  the user as its source. */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { enterprises, type Provenance } from '../../../db/schema/index.js';
import { searchTerms } from '../../../domain/enterprise/search-terms.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import { isValidRegionCode } from '../../../domain/text/region.js';
import { validateUscc } from '../../../domain/text/uscc.js';
import type { EnterpriseUpdate } from '../../../shared/enterprise-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { enterpriseRow, getEnterprise, refuseMerged } from './service.js';

export async function updateEnterprise(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof EnterpriseUpdate>,
) {
  const { version, ...changes } = input;
  if (changes.uscc) {
    const r = validateUscc(changes.uscc);
    if (!r.ok) throw new AppError('request.invalid', [{ field: 'body.uscc', message: r.message }]);
    changes.uscc = r.value;
  }
  if (changes.regionCode && !isValidRegionCode(changes.regionCode)) {
    throw new AppError('request.invalid', [
      { field: 'body.regionCode', message: `行政区划代码“${changes.regionCode}”不存在` },
    ]);
  }
  return db.transaction(async (tx) => {
    const before = await enterpriseRow(tx, actor, id);
    await refuseMerged(tx, before);
    if (before.version !== version) throw new AppError('conflict.stale', { currentVersion: before.version });
    if (changes.uscc && changes.uscc !== before.uscc) {
      const [taken] = await tx
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(
          and(
            eq(enterprises.orgId, before.orgId),
            eq(enterprises.uscc, changes.uscc),
            ne(enterprises.id, id),
            isNull(enterprises.mergedInto),
          ),
        );
      // Said on the field, naming the firm that holds the code, so the officer can open it (or merge).
      if (taken)
        throw new AppError('conflict.duplicate', [
          {
            field: 'body.uscc',
            message: `统一社会信用代码 ${changes.uscc} 已属于本组织的“${taken.name}”；如为同一家企业，请在“疑似重复”中合并`,
            existingId: taken.id,
          },
        ]);
    }
    const cur = before as unknown as Record<string, unknown>;
    const changed = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(cur[k] ?? null) !== JSON.stringify((changes as Record<string, unknown>)[k] ?? null),
    );
    if (changed.length === 0) return getEnterprise(tx, actor, id);
    const mark = {
      source: { kind: 'user' as const, userId: actor.id, userName: actor.displayName },
      asOf: chinaToday(),
    };
    const provenance: Provenance = {
      ...before.provenance,
      fields: { ...before.provenance.fields, ...Object.fromEntries(changed.map((k) => [k, mark])) },
    };
    const name = changes.name ?? before.name;
    const aliases = changes.aliases ?? before.aliases;
    const [row] = await tx
      .update(enterprises)
      .set({
        ...changes,
        ...(changes.name !== undefined || changes.aliases !== undefined ? searchTerms(name, aliases) : {}),
        // A person who fixes the uscc has reviewed the firm.
        ...(changes.uscc ? { reviewReason: null } : {}),
        provenance,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
      .returning();
    if (!row) throw new AppError('conflict.stale');
    const pick = (r: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, r[k] ?? null]));
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      orgId: before.orgId,
      before: { name: before.name, ...pick(cur) },
      after: { name: row.name, ...pick(row as unknown as Record<string, unknown>) },
    });
    return getEnterprise(tx, actor, id);
  });
}
