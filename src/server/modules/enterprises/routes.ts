import { ErrorBody, IdParams } from '../../../shared/api.js';
import { EnterpriseDetail, EnterpriseList, EnterpriseQuery } from '../../../shared/enterprise-api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { enterpriseImportRoute } from './import-route.js';
import { getEnterprise, listEnterprises } from './service.js';

const tags = ['enterprises'];

export function enterpriseRoutes(app: App) {
  const { db } = app.database;
  app.get('/api/v1/enterprises', {
    config: { access: access.authenticated() },
    schema: {
      tags,
      summary: '企业列表与查找（名称、简称、片段或统一社会信用代码）',
      querystring: EnterpriseQuery,
      response: { 200: EnterpriseList },
    },
    handler: (req) => listEnterprises(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/enterprises/:id', {
    config: { access: access.authenticated() },
    schema: {
      tags,
      summary: '企业档案：基本信息、年度数据、知识产权、资质及其来源',
      params: IdParams,
      response: { 200: EnterpriseDetail, 404: ErrorBody },
    },
    handler: (req) => getEnterprise(db, req.actor as Actor, req.params.id),
  });
  enterpriseImportRoute(app, app.config.importMaxBytes);
}
