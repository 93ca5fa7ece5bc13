/** 政策找企业 routes: the policy library, the firms a policy finds, the policies a firm can claim, and
 *  the officers' push lists with their XLSX export. */
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import { VersionQuery } from '../../../shared/enterprise-api.js';
import {
  FirmPolicies,
  FirmPolicyQuery,
  MatchList,
  MatchQuery,
  Policy,
  PolicyCreate,
  PolicyList,
  PolicyQuery,
  PolicyUpdate,
  Push,
  PushCreate,
  PushCreated,
  PushHandover,
  PushList,
  PushQuery,
  PushUpdate,
} from '../../../shared/policy-api.js';
import { type Actor, access } from '../../access.js';
import { datedXlsx, sendDownload, XLSX_TYPE } from '../../download.js';
import type { App } from '../../types.js';
import { exportPushes } from './export.js';
import { enterprisePolicies, policyMatches } from './matching.js';
import { createPolicy, deletePolicy, getPolicy, listPolicies, updatePolicy } from './policies.js';
import { createPushes, handOverPush, listPushes, updatePush } from './pushes.js';

const tags = ['policies'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function policyRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const editors = { access: access.roles('admin', 'leader', 'officer') };

  app.get('/api/v1/policies', {
    config: readers,
    schema: {
      tags,
      summary: '政策库：本组织及上级组织发布的政策',
      querystring: PolicyQuery,
      response: { 200: PolicyList },
    },
    handler: (req) => listPolicies(db, req.actor as Actor, req.query),
  });
  app.post('/api/v1/policies', {
    config: editors,
    schema: {
      tags,
      summary: '新建政策：发文单位、文号、适用地区、有效期、申报窗口、兑现内容与申报条件',
      body: PolicyCreate,
      response: { 201: Policy, ...errors },
    },
    handler: async (req, reply) => reply.code(201).send(await createPolicy(db, req.actor as Actor, req.body)),
  });
  app.get('/api/v1/policies/:id', {
    config: readers,
    schema: { tags, summary: '政策详情', params: IdParams, response: { 200: Policy, 404: ErrorBody } },
    handler: (req) => getPolicy(db, req.actor as Actor, req.params.id),
  });
  app.patch('/api/v1/policies/:id', {
    config: editors,
    schema: {
      tags,
      summary: '修改政策（乐观锁；上级组织的政策只能查看）',
      params: IdParams,
      body: PolicyUpdate,
      response: { 200: Policy, ...errors },
    },
    handler: (req) => updatePolicy(db, req.actor as Actor, req.params.id, req.body),
  });
  app.delete('/api/v1/policies/:id', {
    config: editors,
    schema: {
      tags,
      summary: '删除政策（已有推送记录的不能删除，可改回草稿）',
      params: IdParams,
      querystring: VersionQuery,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deletePolicy(db, req.actor as Actor, req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
  app.get('/api/v1/policies/:id/matches', {
    config: readers,
    schema: {
      tags,
      summary: '政策找企业：辖区内现在符合、接近或数据不足的企业，及满足与未满足的条件',
      params: IdParams,
      querystring: MatchQuery,
      response: { 200: MatchList, 404: ErrorBody },
    },
    handler: (req) => policyMatches(db, req.actor as Actor, req.params.id, req.query),
  });
  app.post('/api/v1/policies/:id/pushes', {
    config: editors,
    schema: {
      tags,
      summary: '生成推送清单：为现在符合条件的全部企业各建一条待告知记录（已在清单的跳过）',
      params: IdParams,
      body: PushCreate,
      response: { 200: PushCreated, ...errors },
    },
    handler: (req) => createPushes(db, req.actor as Actor, req.params.id, req.body ?? {}),
  });
  app.get('/api/v1/enterprises/:id/policies', {
    config: readers,
    schema: {
      tags,
      summary: '企业可享政策：现在即可申报的（含截止日期）、接近的（含差什么）与数据不足的',
      params: IdParams,
      querystring: FirmPolicyQuery,
      response: { 200: FirmPolicies, 404: ErrorBody },
    },
    handler: (req) => enterprisePolicies(db, req.actor as Actor, req.params.id, req.query),
  });
  app.get('/api/v1/policy-pushes', {
    config: readers,
    schema: {
      tags,
      summary: '推送清单：哪些企业需在何时之前告知哪项政策，按截止日期排序',
      querystring: PushQuery,
      response: { 200: PushList },
    },
    handler: (req) => listPushes(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/policy-pushes/export', {
    config: readers,
    schema: {
      tags,
      summary: '导出推送清单 XLSX（防公式注入）',
      querystring: PushQuery.omit({ page: true, pageSize: true }),
      response: { 200: z.any() },
    },
    handler: async (req, reply) => {
      const file = { asciiName: 'policy-pushes.xlsx', name: datedXlsx('政策推送清单'), type: XLSX_TYPE };
      return sendDownload(reply, file, exportPushes(db, req.actor as Actor, req.query));
    },
  });
  app.patch('/api/v1/policy-pushes/:id', {
    config: editors,
    schema: {
      tags,
      summary: '标记已告知（或改回待告知），可附备注；乐观锁',
      params: IdParams,
      body: PushUpdate,
      response: { 200: Push, ...errors },
    },
    handler: (req) => updatePush(db, req.actor as Actor, req.params.id, req.body),
  });
  app.put('/api/v1/policy-pushes/:id/owner', {
    config: editors,
    schema: {
      tags,
      summary: '转交一条待告知的推送给能看到该企业的另一位负责人；乐观锁',
      params: IdParams,
      body: PushHandover,
      response: { 200: Push, ...errors },
    },
    handler: (req) => handOverPush(db, req.actor as Actor, req.params.id, req.body),
  });
}
