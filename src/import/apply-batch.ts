/** Writes one batch of validated records in the caller's transaction: upsert by uscc, else match by
 *  normalised name (flagged for review), and count each row as inserted, updated or unchanged.
 *  A row is written whole (firm, year figures, IP counts) or not at all. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  enterpriseIp,
  enterprises,
  enterpriseYears,
  type FactSource,
  type Provenance,
} from '../db/schema/index.js';
import type { EnterpriseRecord } from '../domain/enterprise/parse-row.js';
import { searchTerms } from '../domain/enterprise/search-terms.js';

export type Outcome = 'inserted' | 'updated' | 'unchanged';
export type SourcedRecord = { record: EnterpriseRecord; source: FactSource };

type Existing = typeof enterprises.$inferSelect;
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

function changedColumns(row: Existing, rec: EnterpriseRecord): string[] {
  const cur = row as unknown as Record<string, unknown>;
  const changed = Object.entries(rec.enterprise)
    .filter(([k, v]) => v !== null && !same(cur[k], v))
    .map(([k]) => k);
  if (!same(row.name, rec.name)) changed.push('name');
  const known = new Set(row.aliases.map((a) => `${a.kind}:${a.name}`));
  if (rec.aliases.some((a) => !known.has(`${a.kind}:${a.name}`))) changed.push('aliases');
  return changed;
}

export async function applyBatch(
  tx: Tx,
  orgId: string,
  batch: SourcedRecord[],
  asOf: string,
): Promise<Outcome[]> {
  const usccs = [...new Set(batch.map((b) => b.record.uscc).filter((u): u is string => !!u))];
  const names = [...new Set(batch.filter((b) => !b.record.uscc).map((b) => b.record.nameNormalized))];
  const live = and(eq(enterprises.orgId, orgId), isNull(enterprises.mergedInto));
  const byUscc = new Map<string, Existing>();
  const byName = new Map<string, Existing>();
  if (usccs.length)
    for (const r of await tx
      .select()
      .from(enterprises)
      .where(and(live, inArray(enterprises.uscc, usccs))))
      byUscc.set(r.uscc as string, r);
  if (names.length)
    for (const r of await tx
      .select()
      .from(enterprises)
      .where(and(live, inArray(enterprises.nameNormalized, names))))
      byName.set(r.nameNormalized, r);

  const outcomes: Outcome[] = [];
  for (const { record: rec, source } of batch) {
    const prov: Provenance = { source, asOf };
    let row = rec.uscc ? byUscc.get(rec.uscc) : byName.get(rec.nameNormalized);
    let outcome: Outcome = 'unchanged';
    if (!row) {
      [row] = await tx
        .insert(enterprises)
        .values({
          orgId,
          uscc: rec.uscc,
          name: rec.name,
          aliases: rec.aliases,
          ...searchTerms(rec.name, rec.aliases),
          ...(rec.enterprise as Partial<typeof enterprises.$inferInsert>),
          reviewReason: rec.uscc ? null : 'no_uscc',
          provenance: prov,
        })
        .returning();
      outcome = 'inserted';
      if (rec.uscc) byUscc.set(rec.uscc, row);
      else byName.set(rec.nameNormalized, row);
    } else {
      const changed = changedColumns(row, rec);
      if (changed.length) {
        const known = new Set(row.aliases.map((a) => `${a.kind}:${a.name}`));
        const fields = { ...row.provenance.fields };
        for (const c of changed) fields[c] = prov;
        const set = Object.fromEntries(Object.entries(rec.enterprise).filter(([, v]) => v !== null));
        const aliases = [...row.aliases, ...rec.aliases.filter((a) => !known.has(`${a.kind}:${a.name}`))];
        [row] = await tx
          .update(enterprises)
          .set({
            ...set,
            name: rec.name,
            aliases,
            ...searchTerms(rec.name, aliases),
            reviewReason: row.reviewReason ?? (rec.uscc ? null : 'name_match'),
            provenance: { ...row.provenance, fields },
            version: row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(enterprises.id, row.id))
          .returning();
        outcome = 'updated';
        if (rec.uscc) byUscc.set(rec.uscc, row);
        else byName.set(rec.nameNormalized, row);
      }
    }
    if (await writeFigures(tx, row.id, rec, prov, outcome === 'inserted'))
      outcome = outcome === 'inserted' ? outcome : 'updated';
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Year figures and IP counts: inserted, or updated where a value differs. True if anything changed. */
async function writeFigures(
  tx: Tx,
  enterpriseId: string,
  rec: EnterpriseRecord,
  prov: Provenance,
  fresh: boolean,
) {
  let changed = false;
  const figures = Object.fromEntries(Object.entries(rec.figures).filter(([, v]) => v !== null));
  if (Object.keys(figures).length) {
    const [cur] = fresh
      ? []
      : await tx
          .select()
          .from(enterpriseYears)
          .where(and(eq(enterpriseYears.enterpriseId, enterpriseId), eq(enterpriseYears.year, rec.year)));
    if (!cur) {
      await tx.insert(enterpriseYears).values({ enterpriseId, year: rec.year, ...figures, provenance: prov });
      changed = true;
    } else {
      const diff = Object.keys(figures).filter((k) => !same((cur as Record<string, unknown>)[k], figures[k]));
      if (diff.length) {
        const fields = { ...cur.provenance.fields, ...Object.fromEntries(diff.map((k) => [k, prov])) };
        await tx
          .update(enterpriseYears)
          .set({ ...figures, provenance: { ...cur.provenance, fields } })
          .where(and(eq(enterpriseYears.enterpriseId, enterpriseId), eq(enterpriseYears.year, rec.year)));
        changed = true;
      }
    }
  }
  for (const [kind, count] of Object.entries(rec.ip)) {
    const [cur] = fresh
      ? []
      : await tx
          .select()
          .from(enterpriseIp)
          .where(and(eq(enterpriseIp.enterpriseId, enterpriseId), eq(enterpriseIp.kind, kind)));
    if (cur && cur.count === count) continue;
    await tx
      .insert(enterpriseIp)
      .values({ enterpriseId, kind, count, provenance: prov })
      .onConflictDoUpdate({
        target: [enterpriseIp.enterpriseId, enterpriseIp.kind],
        set: { count, provenance: prov },
      });
    changed = true;
  }
  return changed;
}
