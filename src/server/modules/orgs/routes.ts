import { z } from 'zod';
import { ErrorBody, IdParams, Org, OrgCreate, OrgUpdate } from '../../../shared/api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { createOrg, deleteOrg, getOrg, listOrgs, updateOrg } from './service.js';

const tags = ['orgs'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function orgRoutes(app: App) {
  const { db } = app.database;
  const admin = { access: access.roles('admin') };

  app.get('/api/v1/orgs', {
    config: { access: access.authenticated() },
    schema: { tags, summary: '组织列表（本组织及下级，按树路径排序）', response: { 200: z.array(Org) } },
    handler: (req) => listOrgs(db, req.actor as Actor),
  });
  app.get('/api/v1/orgs/:id', {
    config: { access: access.authenticated() },
    schema: { tags, summary: '组织详情', params: IdParams, response: { 200: Org, ...errors } },
    handler: (req) => getOrg(db, req.actor as Actor, req.params.id),
  });
  app.post('/api/v1/orgs', {
    config: admin,
    schema: { tags, summary: '新建下级组织', body: OrgCreate, response: { 201: Org, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await createOrg(db, req.actor as Actor, req.body)),
  });
  app.patch('/api/v1/orgs/:id', {
    config: admin,
    schema: {
      tags,
      summary: '修改或移动组织',
      params: IdParams,
      body: OrgUpdate,
      response: { 200: Org, ...errors },
    },
    handler: (req) => updateOrg(db, req.actor as Actor, req.params.id, req.body),
  });
  app.delete('/api/v1/orgs/:id', {
    config: admin,
    schema: {
      tags,
      summary: '删除组织（须无下级与用户）',
      params: IdParams,
      querystring: z.object({ version: z.coerce.number().int().min(1) }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deleteOrg(db, req.actor as Actor, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
}
