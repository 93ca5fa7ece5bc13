/** Adding and removing a firm's 资质 by hand: version-checked, audited, the user as the source. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { qualifications } from '../../../db/schema/index.js';
import { TIER_NAMES } from '../../../domain/eligibility/tiers.js';
import type { QualificationCreate } from '../../../shared/enterprise-api.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import { bumpVersion, lockForEdit, userMark } from './facts-common.js';
import { getEnterprise } from './service.js';

export async function addQualification(
  db: Db,
  actor: Actor,
  id: string,
  input: z.infer<typeof QualificationCreate>,
) {
  const { version, tier } = input;
  const certificateNo = input.certificateNo?.trim() || null;
  const issuedOn = input.issuedOn ?? null;
  const expiresOn = input.expiresOn ?? null;
  return db.transaction(async (tx) => {
    const firm = await lockForEdit(tx, actor, id, version);
    // The same title certified on the same day is the same 资质; two undated ones count as the same too,
    // which the unique index (nulls distinct) would let through.
    const [twin] = await tx
      .select({ id: qualifications.id })
      .from(qualifications)
      .where(
        and(
          eq(qualifications.enterpriseId, id),
          eq(qualifications.tier, tier),
          sql`${qualifications.issuedOn} is not distinct from ${issuedOn}::date`,
        ),
      );
    if (twin) {
      const when = issuedOn ? `认定日期为 ${issuedOn} 的` : '未填认定日期的';
      throw new AppError('conflict.duplicate', [
        {
          field: 'body.issuedOn',
          message: `该企业已有${when}“${TIER_NAMES[tier]}”资质`,
          existingId: twin.id,
        },
      ]);
    }
    const [row] = await tx
      .insert(qualifications)
      .values({ enterpriseId: id, tier, certificateNo, issuedOn, expiresOn, provenance: userMark(actor) })
      .returning();
    await bumpVersion(tx, firm);
    // The firm is the audited entity, so the change shows in its history; `fact` says which part.
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      orgId: firm.orgId,
      before: { fact: 'qualification' },
      after: { fact: 'qualification', id: row.id, tier, certificateNo, issuedOn, expiresOn },
    });
    return getEnterprise(tx, actor, id);
  });
}

export async function deleteQualification(
  db: Db,
  actor: Actor,
  id: string,
  qualificationId: string,
  version: number,
) {
  return db.transaction(async (tx) => {
    const firm = await lockForEdit(tx, actor, id, version);
    const [gone] = await tx
      .delete(qualifications)
      .where(and(eq(qualifications.id, qualificationId), eq(qualifications.enterpriseId, id)))
      .returning();
    if (!gone) throw new AppError('enterprise.qualification_not_found');
    await bumpVersion(tx, firm);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'enterprise',
      entityId: id,
      orgId: firm.orgId,
      before: {
        fact: 'qualification',
        id: gone.id,
        tier: gone.tier,
        certificateNo: gone.certificateNo,
        issuedOn: gone.issuedOn,
        expiresOn: gone.expiresOn,
        provenance: gone.provenance,
      },
      after: { fact: 'qualification' },
    });
    return getEnterprise(tx, actor, id);
  });
}
