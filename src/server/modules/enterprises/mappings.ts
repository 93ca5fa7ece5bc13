/** Saved column mappings of the import page, per org. */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { importMappings } from '../../../db/schema/index.js';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import { ImportMapping, ImportMappingCreate } from '../../../shared/enterprise-api.js';
import { type Actor, access } from '../../access.js';
import { AppError } from '../../app-error.js';
import { writeAudit } from '../../audit.js';
import type { App } from '../../types.js';

const tags = ['enterprises'];
const present = (r: typeof importMappings.$inferSelect) => ({
  id: r.id,
  name: r.name,
  mapping: r.mapping,
  version: r.version,
});

export function mappingRoutes(app: App) {
  const { db } = app.database;
  const importers = { access: access.roles('admin', 'officer') };
  app.get('/api/v1/import-mappings', {
    config: importers,
    schema: { tags, summary: '本组织保存的导入列映射', response: { 200: z.array(ImportMapping) } },
    handler: async (req) => {
      const rows = await db
        .select()
        .from(importMappings)
        .where(eq(importMappings.orgId, (req.actor as Actor).orgId))
        .orderBy(asc(importMappings.name));
      return rows.map(present);
    },
  });
  app.post('/api/v1/import-mappings', {
    config: importers,
    schema: {
      tags,
      summary: '保存导入列映射（表头 → 字段，空字符串表示忽略该列）',
      body: ImportMappingCreate,
      response: { 201: ImportMapping, 400: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => {
      const actor = req.actor as Actor;
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(importMappings)
          .values({ orgId: actor.orgId, name: req.body.name, mapping: req.body.mapping })
          .returning();
        await writeAudit(tx, actor, {
          action: 'create',
          entity: 'import_mapping',
          entityId: r.id,
          orgId: actor.orgId,
          after: present(r),
        });
        return r;
      });
      return reply.code(201).send(present(row));
    },
  });
  app.delete('/api/v1/import-mappings/:id', {
    config: importers,
    schema: {
      tags,
      summary: '删除导入列映射',
      params: IdParams,
      querystring: z.object({ version: z.coerce.number().int().min(1) }),
      response: { 204: z.null(), 404: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => {
      const actor = req.actor as Actor;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(importMappings)
          .where(and(eq(importMappings.id, req.params.id), eq(importMappings.orgId, actor.orgId)));
        if (!row) throw new AppError('mapping.not_found');
        if (row.version !== req.query.version) throw new AppError('conflict.stale');
        await tx.delete(importMappings).where(eq(importMappings.id, row.id));
        await writeAudit(tx, actor, {
          action: 'delete',
          entity: 'import_mapping',
          entityId: row.id,
          orgId: actor.orgId,
          before: present(row),
        });
      });
      return reply.code(204).send(null);
    },
  });
}
