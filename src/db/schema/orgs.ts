import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The org tree (市 → 区/县/园区). `path` is the materialised chain of ids, "/<root>/…/<self>/",
 *  so "this org and its descendants" is one indexed prefix match. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: text('region_code'),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
    path: text('path').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('orgs_path_idx').on(t.path.op('text_pattern_ops'))],
);
