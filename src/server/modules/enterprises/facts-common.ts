/** What every edit of a firm's yearly figures, IP counts and qualifications shares: the scoped,
 *  locked read with the optimistic-lock check, the version bump and the user as a fact's source. */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { enterprises, type FactSource, type Provenance } from '../../../db/schema/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { refuseMerged, scopedEnterprise } from './service.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;

/** The firm the actor may see, locked for this transaction, at the version the user saw.
 *  The row lock makes a second edit based on the same version wait, then fail the check. */
export async function lockForEdit(tx: Tx, actor: Actor, id: string, version: number): Promise<EnterpriseRow> {
  const [row] = await tx
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), scopedEnterprise(actor)))
    .for('update');
  if (!row) throw new AppError('enterprise.not_found');
  await refuseMerged(tx, row);
  if (row.version !== version) throw new AppError('conflict.stale', { currentVersion: row.version });
  return row;
}

/** Every change to a firm's facts is a new version of the firm, so a profile opened before it is stale. */
export async function bumpVersion(tx: Tx, firm: EnterpriseRow): Promise<void> {
  await tx
    .update(enterprises)
    .set({ version: firm.version + 1, updatedAt: new Date() })
    .where(eq(enterprises.id, firm.id));
}

/** "The user who typed it", as of today. */
export function userMark(actor: Actor): Provenance {
  const source: FactSource = { kind: 'user', userId: actor.id, userName: actor.displayName };
  return { source, asOf: chinaToday() };
}
