import {
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Provenance } from './enterprises.js';
import { orgs } from './orgs.js';

export const PARTY_KINDS = ['person', 'institution'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** 自然人与机构: the persons (shareholders, actual controllers) and institutions (universities, institutes,
 *  funds) that relations name besides registered firms. */
export const parties = pgTable(
  'parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').$type<PartyKind>().notNull(),
    name: text('name').notNull(),
    /** The name folded (full-width, spaces) so that 某某大学 and 某某大学 are one party. */
    nameKey: text('name_key').notNull(),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('parties_org_kind_name_idx').on(t.orgId, t.kind, t.nameKey)],
);

export const ENDPOINT_TYPES = ['enterprise', 'party'] as const;
export type EndpointType = (typeof ENDPOINT_TYPES)[number];

/** 企业关系: shareholding (from = shareholder, to = company, share 0–1), investment (from = investor,
 *  round, amount in 元), supply (from = supplier, to = customer), cooperation (产学研: from = firm, to =
 *  institution), same_controller. Each with its source and as-of date; `dedupeKey` makes re-imports
 *  idempotent. */
export const relations = pgTable(
  'relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    fromType: text('from_type').$type<EndpointType>().notNull(),
    fromId: uuid('from_id').notNull(),
    toType: text('to_type').$type<EndpointType>().notNull(),
    toId: uuid('to_id').notNull(),
    share: real('share'),
    round: text('round'),
    amount: numeric('amount', { mode: 'number' }),
    asOf: date('as_of'),
    dedupeKey: text('dedupe_key').notNull(),
    provenance: jsonb('provenance').$type<Provenance>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('relations_org_dedupe_idx').on(t.orgId, t.dedupeKey),
    // Both also INCLUDE the other end and the org (migration 0018), which drizzle cannot declare.
    index('relations_from_idx').on(t.fromId, t.kind),
    index('relations_to_idx').on(t.toId, t.kind),
  ],
);
