/** 招商项目 routes: the pipeline's projects, their stage moves and follow-ups, and leads from 靶向招商. */
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import { ProjectFilter, ProjectUpdate } from '../../../shared/pipeline-api.js';
import {
  FollowUpCreate,
  LeadFromTarget,
  ProjectCreate,
  ProjectDetail,
  ProjectList,
  ProjectMove,
} from '../../../shared/project-api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { listProjects } from './list.js';
import {
  addFollowUp,
  createProject,
  leadFromTarget,
  moveProject,
  projectDetail,
  updateProject,
} from './projects.js';

const tags = ['projects'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Created = ProjectDetail.extend({
  duplicates: z.array(
    z.object({
      projectId: z.uuid(),
      name: z.string(),
      stage: z.string(),
      org: z.string(),
      owner: z.string().nullable(),
    }),
  ),
});

export function projectRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const officers = { access: access.roles('admin', 'leader', 'officer') };

  app.get('/api/v1/projects', {
    config: readers,
    schema: {
      tags,
      summary: '招商项目列表（按阶段、来源、类型、负责人、团队、停滞与名称筛选，可排序）',
      querystring: ProjectFilter,
      response: { 200: ProjectList },
    },
    handler: (req) => listProjects(db, req.actor as Actor, req.query),
  });
  app.post('/api/v1/projects', {
    config: officers,
    schema: {
      tags,
      summary:
        '新建招商项目（线索）；同一企业已是本市在谈项目时返回 409 及对方项目，确认后带 acknowledgeDuplicates 重试',
      body: ProjectCreate,
      response: { 201: Created, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createProject(db, req.actor as Actor, req.body)),
  });
  app.get('/api/v1/projects/:id', {
    config: readers,
    schema: {
      tags,
      summary: '招商项目详情：阶段历史与跟进记录',
      params: IdParams,
      response: { 200: ProjectDetail, 404: ErrorBody },
    },
    handler: (req) => projectDetail(db, req.actor as Actor, req.params.id),
  });
  app.patch('/api/v1/projects/:id', {
    config: officers,
    schema: {
      tags,
      summary: '修改招商项目（乐观锁：版本过期时 409，并返回他人修改后的项目）',
      params: IdParams,
      body: ProjectUpdate,
      response: { 200: ProjectDetail, ...errors },
    },
    handler: (req) => updateProject(db, req.actor as Actor, req.params.id, req.body),
  });
  app.post('/api/v1/projects/:id/move', {
    config: officers,
    schema: {
      tags,
      summary:
        '推进项目阶段（线索→接洽→考察→评估→签约→落地→投产，或暂停、终止）；缺少必填项时 409 并说明缺什么',
      params: IdParams,
      body: ProjectMove,
      response: { 200: ProjectDetail, ...errors },
    },
    handler: (req) => moveProject(db, req.actor as Actor, req.params.id, req.body),
  });
  app.post('/api/v1/projects/:id/follow-ups', {
    config: officers,
    schema: {
      tags,
      summary: '添加跟进记录（电话、拜访、考察、会议、活动）',
      params: IdParams,
      body: FollowUpCreate,
      response: { 200: ProjectDetail, ...errors },
    },
    handler: (req) => addFollowUp(db, req.actor as Actor, req.params.id, req.body),
  });
  app.post('/api/v1/target-lists/:id/leads', {
    config: officers,
    schema: {
      tags,
      summary: '把目标企业清单中的企业一键转为招商线索，保留排序依据',
      params: IdParams,
      body: LeadFromTarget,
      response: { 201: Created, ...errors },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await leadFromTarget(db, req.actor as Actor, req.params.id, req.body)),
  });
}
