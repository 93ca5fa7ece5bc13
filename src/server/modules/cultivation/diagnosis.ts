/** GET a firm's diagnostic card: the tiers' verdicts on its registry facts today (or on a date). */
import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { enterprises } from '../../../db/schema/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { Actor } from '../../access.js';
import { enterpriseRow } from '../enterprises/service.js';
import { ASSUMPTIONS, diagnose } from './diagnose.js';
import { loadRegistryFirms } from './load-firms.js';

export async function enterpriseDiagnosis(db: Db, actor: Actor, id: string, date?: string) {
  const row = await enterpriseRow(db, actor, id);
  const [firm] = await loadRegistryFirms(db, eq(enterprises.id, row.id) as SQL, 1);
  const assessedOn = date ?? chinaToday();
  const d = diagnose(firm, assessedOn);
  return d.ok
    ? { assessedOn, ok: true, tiers: d.tiers, errors: [], assumptions: ASSUMPTIONS }
    : { assessedOn, ok: false, tiers: [], errors: d.errors, assumptions: ASSUMPTIONS };
}
