/** An org's 强弱标准 and 靶向招商 weights share one row (chain_settings) but not a version: two dialogs,
 *  often two admins, and a save of one must not make a save of the other stale (it did, with one). */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { chainSettings } from '../../../db/schema/index.js';
import { DEFAULT_THRESHOLDS, type StrengthThresholds } from '../../../domain/chain/strength.js';
import type { TargetWeights } from '../../../domain/chain/targeting.js';
import { AppError } from '../../app-error.js';

type Setting =
  | { which: 'thresholds'; value: StrengthThresholds }
  | { which: 'weights'; value: TargetWeights };

/** Saves one setting if its version is still `version` (0: never saved), else 409 conflict.stale.
 *  The first save of either creates the row, the other setting at its default. */
export async function saveSetting(tx: Tx, orgId: string, s: Setting, version: number) {
  const set =
    s.which === 'thresholds'
      ? { thresholds: s.value, thresholdsVersion: version + 1 }
      : { targetWeights: s.value, weightsVersion: version + 1 };
  const current = s.which === 'thresholds' ? chainSettings.thresholdsVersion : chainSettings.weightsVersion;
  const rows = await tx
    .insert(chainSettings)
    .values({ orgId, thresholds: DEFAULT_THRESHOLDS, ...set })
    .onConflictDoUpdate({
      target: chainSettings.orgId,
      set: { ...set, updatedAt: new Date() },
      setWhere: eq(current, version),
    })
    .returning({ orgId: chainSettings.orgId });
  if (rows.length === 0) throw new AppError('conflict.stale');
}
