/** GET a firm's diagnostic card: the tiers' verdicts on its registry facts today (or on a date). */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { enterprises, orgs, screeningRuns } from '../../../db/schema/index.js';
import { chinaToday } from '../../../domain/text/china-today.js';
import type { Actor } from '../../access.js';
import { AppError } from '../../app-error.js';
import { withinScope } from '../../scope.js';
import { enterpriseRow } from '../enterprises/service.js';
import { ASSUMPTIONS, DEFAULT_CLOSE_RULE, diagnose } from './diagnose.js';
import { loadRegistryFirms } from './load-firms.js';

/** The card opened from a screening's list uses that screening's 接近 rule (and date), so the card says
 *  what the list said: with a 0 % tolerance a firm the list calls 差距较大 was 接近 on the card. */
export async function enterpriseDiagnosis(
  db: Db,
  actor: Actor,
  id: string,
  q: { date?: string; run?: string } = {},
) {
  const row = await enterpriseRow(db, actor, id);
  const run = q.run ? await screeningRun(db, actor, q.run) : null;
  const [firm] = await loadRegistryFirms(db, eq(enterprises.id, row.id) as SQL, 1);
  const assessedOn = q.date ?? run?.assessedOn ?? chinaToday();
  const closeRule = run?.closeRule ?? DEFAULT_CLOSE_RULE;
  const d = diagnose(firm, assessedOn, closeRule);
  const common = { assessedOn, assumptions: ASSUMPTIONS, closeRule };
  return d.ok
    ? { ...common, ok: true, tiers: d.tiers, errors: [] }
    : { ...common, ok: false, tiers: [], errors: d.errors };
}

async function screeningRun(db: Db, actor: Actor, id: string) {
  const [run] = await db
    .select({ assessedOn: screeningRuns.assessedOn, closeRule: screeningRuns.closeRule })
    .from(screeningRuns)
    .where(
      and(
        eq(screeningRuns.id, id),
        sql`${screeningRuns.orgId} in (select ${orgs.id} from ${orgs} where ${withinScope(actor)})`,
      ),
    );
  if (!run) throw new AppError('screening.not_found');
  return run;
}
