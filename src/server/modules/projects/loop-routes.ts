/** 招商项目 routes around the list: the board and funnel, the list as XLSX, attachments, 我的工作, the
 *  pipeline rules, and 重复项目协调 for leaders. */
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import {
  Attachment,
  AttachmentParams,
  Board,
  BoardQuery,
  Funnel,
  MyWork,
  OverlapGroups,
  OverlapResolve,
  PipelineSettings,
  PipelineSettingsUpdate,
  ProjectFilter,
} from '../../../shared/pipeline-api.js';
import { type Actor, access } from '../../access.js';
import { datedXlsx, sendDownload, XLSX_TYPE } from '../../download.js';
import type { App } from '../../types.js';
import { workbook } from '../project-reports/export.js';
import { deleteAttachment, readAttachment, uploadAttachment } from './attachments.js';
import { allProjects, board, funnel } from './list.js';
import { myWork } from './my-work.js';
import { overlapGroups, resolveOverlap } from './overlaps.js';
import { readSettings, updateSettings } from './settings.js';

const tags = ['projects'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const EXPORT_MAX = 10_000;

export function projectLoopRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.roles('admin', 'leader', 'officer', 'analyst') };
  const officers = { access: access.roles('admin', 'leader', 'officer') };
  const leaders = { access: access.roles('admin', 'leader') };

  app.get('/api/v1/projects/board', {
    config: readers,
    schema: {
      tags,
      summary: '项目看板：各阶段最近更新的项目及总数（一次请求）',
      querystring: BoardQuery,
      response: { 200: Board },
    },
    handler: (req) => board(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/projects/funnel', {
    config: readers,
    schema: {
      tags,
      summary: '项目漏斗：各阶段当前项目数与到达该阶段的项目数',
      querystring: BoardQuery.omit({ limit: true }),
      response: { 200: Funnel },
    },
    handler: (req) => funnel(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/projects/export.xlsx', {
    config: readers,
    schema: {
      tags,
      summary: `导出筛选后的项目列表（XLSX，最多 ${EXPORT_MAX} 行）`,
      querystring: ProjectFilter,
    },
    handler: async (req, reply) => {
      const rows = await allProjects(db, req.actor as Actor, req.query, EXPORT_MAX);
      const file = workbook([
        {
          name: '招商项目',
          columns: [
            { header: '项目名称', width: 28 },
            { header: '企业', width: 30 },
            { header: '阶段', width: 8 },
            { header: '来源', width: 12 },
            { header: '类型', width: 12 },
            { header: '计划投资（万元）', width: 14 },
            { header: '负责人', width: 10 },
            { header: '团队', width: 16 },
            { header: '最近跟进', width: 12 },
          ],
          rows: rows.map((p) => [
            p.name,
            p.enterpriseName,
            p.stageName,
            p.source,
            p.type,
            p.plannedInvestment === null ? null : p.plannedInvestment / 1e4,
            p.ownerName,
            p.orgName,
            p.lastFollowUp,
          ]),
        },
      ]);
      return sendDownload(
        reply,
        { asciiName: 'projects.xlsx', name: datedXlsx('招商项目'), type: XLSX_TYPE },
        file,
      );
    },
  });

  app.post('/api/v1/projects/:id/attachments', {
    config: officers,
    schema: {
      tags,
      summary: '上传项目附件（商业计划书、合同、照片等；≤ 20 MB；按文件内容识别类型）',
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: Attachment, ...errors, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (req, reply) =>
      reply.code(201).send(await uploadAttachment(db, req.actor as Actor, req.params.id, req)),
  });
  app.get('/api/v1/projects/:id/attachments/:attachmentId', {
    config: readers,
    schema: { tags, summary: '下载项目附件（按内容识别的类型发送）', params: AttachmentParams },
    handler: async (req, reply) => {
      const a = await readAttachment(db, req.actor as Actor, req.params.id, req.params.attachmentId);
      return sendDownload(reply, { asciiName: a.fileName, name: a.fileName, type: a.type }, a.content);
    },
  });
  app.delete('/api/v1/projects/:id/attachments/:attachmentId', {
    config: officers,
    schema: {
      tags,
      summary: '删除项目附件',
      params: AttachmentParams,
      response: { 204: z.null(), 404: ErrorBody },
    },
    handler: async (req, reply) => {
      await deleteAttachment(db, req.actor as Actor, req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/v1/projects/my-work', {
    config: readers,
    schema: { tags, summary: '我的工作：到期待跟进与停滞的本人项目', response: { 200: MyWork } },
    handler: (req) => myWork(db, req.actor as Actor),
  });
  app.get('/api/v1/pipeline-settings', {
    config: readers,
    schema: { tags, summary: '项目管理规则：停滞天数与季度考核公式', response: { 200: PipelineSettings } },
    handler: (req) => readSettings(db, req.actor as Actor),
  });
  app.put('/api/v1/pipeline-settings', {
    config: leaders,
    schema: {
      tags,
      summary: '修改本组织的停滞天数与季度考核公式（乐观锁；每次修改记入审计）',
      body: PipelineSettingsUpdate,
      response: { 200: PipelineSettings, ...errors },
    },
    handler: (req) => updateSettings(db, req.actor as Actor, req.body),
  });

  app.get('/api/v1/projects/overlaps', {
    config: leaders,
    schema: {
      tags,
      summary: '重复项目：同一企业在管辖范围内有多个在谈项目',
      response: { 200: OverlapGroups },
    },
    handler: (req) => overlapGroups(db, req.actor as Actor),
  });
  app.post('/api/v1/projects/overlaps/resolve', {
    config: leaders,
    schema: {
      tags,
      summary: '协调重复项目：保留一个并终止其他，或确认各方并行推进',
      body: OverlapResolve,
      response: { 200: z.object({ resolved: z.int() }), ...errors },
    },
    handler: (req) => resolveOverlap(db, req.actor as Actor, req.body),
  });
}
