/** 企业图谱 routes: neighbours, ultimate controller, group, shortest path, and the relation import. */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { TableError } from '../../../import/read-table.js';
import { importRelations } from '../../../import/relation-import.js';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import {
  Controller,
  GraphPath,
  Group,
  Neighbourhood,
  NeighbourQuery,
  PathQuery,
  RelationImportResult,
} from '../../../shared/graph-api.js';
import { type Actor, access } from '../../access.js';
import { unreadable } from '../../table-error.js';
import type { App } from '../../types.js';
import { receiveUpload } from '../enterprises/import-route.js';
import { controllerOf, groupOf, neighbours, pathBetween } from './graph.js';

const tags = ['graph'];
/** An upload is imported while the request waits; bigger files go through `kezhao import relations`. */
const UPLOAD_MAX_ROWS = 50_000;

export function graphRoutes(app: App, maxBytes: number) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const importers = { access: access.roles('admin', 'officer') };

  app.get('/api/v1/graph/neighbours', {
    config: readers,
    schema: {
      tags,
      summary: '企业图谱：某企业、自然人或机构 N 跳以内的关系（可按关系类型筛选）',
      querystring: NeighbourQuery,
      response: { 200: Neighbourhood, 400: ErrorBody, 404: ErrorBody },
    },
    handler: (req) => neighbours(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/graph/path', {
    config: readers,
    schema: {
      tags,
      summary: '两个主体之间的最短关系路径',
      querystring: PathQuery,
      response: { 200: GraphPath, 400: ErrorBody, 404: ErrorBody },
    },
    handler: (req) => pathBetween(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/enterprises/:id/controller', {
    config: readers,
    schema: {
      tags,
      summary: '最终控制人：沿持股路径持股比例乘积最大的顶层股东，及其路径',
      params: IdParams,
      response: { 200: Controller, 404: ErrorBody },
    },
    handler: (req) => controllerOf(db, req.actor as Actor, req.params.id),
  });
  app.get('/api/v1/enterprises/:id/group', {
    config: readers,
    schema: {
      tags,
      summary: '集团成员：最终控制人直接或间接持股过半的企业',
      params: IdParams,
      response: { 200: Group, 404: ErrorBody },
    },
    handler: (req) => groupOf(db, req.actor as Actor, req.params.id),
  });
  app.post('/api/v1/relations/import', {
    config: importers,
    schema: {
      tags,
      summary: `导入企业关系（CSV/XLSX，multipart 字段 file，至多 ${UPLOAD_MAX_ROWS} 行）：坏行逐行说明原因，同一文件再导入不改变数据`,
      consumes: ['multipart/form-data'],
      response: { 200: RelationImportResult, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (req) => {
      const actor = req.actor as Actor;
      const dir = path.join(app.config.dataDir, 'tmp', randomUUID());
      try {
        const up = await receiveUpload(req, dir, maxBytes);
        return await db.transaction((tx) =>
          importRelations({
            db: tx,
            file: up.file,
            name: up.name,
            orgId: actor.orgId,
            orgPath: actor.orgPath,
            source: { kind: 'import', file: up.name },
            maxRows: UPLOAD_MAX_ROWS,
          }),
        );
      } catch (err) {
        if (err instanceof TableError) throw unreadable(err);
        throw err;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
}
