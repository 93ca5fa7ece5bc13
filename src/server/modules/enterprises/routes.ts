import { z } from 'zod';
import { FIELDS } from '../../../domain/enterprise/fields.js';
import { ErrorBody, IdParams, Paging } from '../../../shared/api.js';
import {
  DismissBody,
  DuplicatePair,
  EnterpriseDetail,
  EnterpriseFilter,
  EnterpriseIpUpdate,
  EnterpriseList,
  EnterpriseQuery,
  EnterpriseUpdate,
  EnterpriseYearUpsert,
  ImportField,
  MergeBody,
  QualificationCreate,
  QualificationParams,
  VersionQuery,
  YearParams,
} from '../../../shared/enterprise-api.js';
import { type Actor, access } from '../../access.js';
import { datedXlsx, sendDownload, XLSX_TYPE } from '../../download.js';
import type { App } from '../../types.js';
import { dismissDuplicate, findDuplicates, mergeEnterprises } from './duplicates.js';
import { exportEnterprises } from './export.js';
import { deleteYear, setIpCounts, upsertYear } from './facts-update.js';
import { enterpriseImportRoute } from './import-route.js';
import { mappingRoutes } from './mappings.js';
import { addQualification, deleteQualification } from './qualifications-update.js';
import { getEnterprise, listEnterprises } from './service.js';
import { updateEnterprise } from './update.js';

const tags = ['enterprises'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function enterpriseRoutes(app: App) {
  const { db } = app.database;
  const readers = { access: access.authenticated() };
  const editors = { access: access.roles('admin', 'officer') };

  app.get('/api/v1/enterprises', {
    config: readers,
    schema: {
      tags,
      summary: '企业查询：全称、简称、曾用名、片段、拼音首字母或统一社会信用代码；筛选、排序、分页',
      querystring: EnterpriseQuery,
      response: { 200: EnterpriseList },
    },
    handler: (req) => listEnterprises(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/enterprises/export', {
    config: readers,
    schema: {
      tags,
      summary: '按当前筛选导出企业名单 XLSX（防公式注入）',
      querystring: EnterpriseFilter,
      response: { 200: z.any() },
    },
    handler: async (req, reply) => {
      const file = { asciiName: 'enterprises.xlsx', name: datedXlsx('企业名单'), type: XLSX_TYPE };
      return sendDownload(reply, file, exportEnterprises(db, req.actor as Actor, req.query));
    },
  });
  app.get('/api/v1/enterprises/import-fields', {
    config: readers,
    schema: { tags, summary: '可导入的字段及中文名', response: { 200: z.array(ImportField) } },
    handler: async () => FIELDS.map((f) => ({ key: f.key, label: f.label, type: f.type })),
  });
  app.get('/api/v1/enterprises/duplicates', {
    config: editors,
    schema: {
      tags,
      summary: '疑似重复企业（同一统一社会信用代码，或同一地区名称近似）',
      querystring: Paging,
      response: { 200: z.object({ items: z.array(DuplicatePair), total: z.number().int() }) },
    },
    handler: (req) => findDuplicates(db, req.actor as Actor, req.query.page, req.query.pageSize),
  });
  app.post('/api/v1/enterprises/merge', {
    config: editors,
    schema: {
      tags,
      summary: '合并两家企业：保留一家，另一家的全部事实及来源并入，记入审计日志',
      body: MergeBody,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) => mergeEnterprises(db, req.actor as Actor, req.body),
  });
  app.post('/api/v1/enterprises/duplicates/dismiss', {
    config: editors,
    schema: {
      tags,
      summary: '标记“不是同一家”，今后不再提示',
      body: DismissBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await dismissDuplicate(db, req.actor as Actor, req.body.aId, req.body.bId);
      return reply.code(204).send(null);
    },
  });
  app.get('/api/v1/enterprises/:id', {
    config: readers,
    schema: {
      tags,
      summary: '企业档案：基本信息、年度数据、知识产权、资质、融资、来源与修改历史',
      params: IdParams,
      response: { 200: EnterpriseDetail, 404: ErrorBody },
    },
    handler: (req) => getEnterprise(db, req.actor as Actor, req.params.id),
  });
  app.patch('/api/v1/enterprises/:id', {
    config: editors,
    schema: {
      tags,
      summary: '修改企业基本信息（乐观锁；修改的字段记录修改人为来源）',
      params: IdParams,
      body: EnterpriseUpdate,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) => updateEnterprise(db, req.actor as Actor, req.params.id, req.body),
  });
  app.put('/api/v1/enterprises/:id/years/:year', {
    config: editors,
    schema: {
      tags,
      summary:
        '录入或修改某一年度的经营数据（金额单位：元；乐观锁；未提交的字段不变，修改的字段记录修改人为来源）',
      params: YearParams,
      body: EnterpriseYearUpsert,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) => upsertYear(db, req.actor as Actor, req.params.id, req.params.year, req.body),
  });
  app.delete('/api/v1/enterprises/:id/years/:year', {
    config: editors,
    schema: {
      tags,
      summary: '删除某一年度的经营数据（乐观锁，记入审计日志）',
      params: YearParams,
      querystring: VersionQuery,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) => deleteYear(db, req.actor as Actor, req.params.id, req.params.year, req.query.version),
  });
  app.put('/api/v1/enterprises/:id/ip', {
    config: editors,
    schema: {
      tags,
      summary: '按类别设置知识产权数量（数量为 0 即删除该类；修改的类别记录修改人为来源）',
      params: IdParams,
      body: EnterpriseIpUpdate,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) => setIpCounts(db, req.actor as Actor, req.params.id, req.body),
  });
  app.post('/api/v1/enterprises/:id/qualifications', {
    config: editors,
    schema: {
      tags,
      summary: '添加资质（培育梯队称号、证书编号、认定日期、有效期；同一称号同一认定日期不可重复）',
      params: IdParams,
      body: QualificationCreate,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) => addQualification(db, req.actor as Actor, req.params.id, req.body),
  });
  app.delete('/api/v1/enterprises/:id/qualifications/:qualificationId', {
    config: editors,
    schema: {
      tags,
      summary: '删除一项资质（乐观锁，记入审计日志）',
      params: QualificationParams,
      querystring: VersionQuery,
      response: { 200: EnterpriseDetail, ...errors },
    },
    handler: (req) =>
      deleteQualification(
        db,
        req.actor as Actor,
        req.params.id,
        req.params.qualificationId,
        req.query.version,
      ),
  });
  enterpriseImportRoute(app, app.config.importMaxBytes);
  mappingRoutes(app);
}
