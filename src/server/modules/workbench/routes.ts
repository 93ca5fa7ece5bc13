/** 工作台 route: open to every signed-in user; the service shows each only what their roles may open. */
import { Workbench } from '../../../shared/workbench-api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { workbench } from './service.js';

export function workbenchRoutes(app: App) {
  const { db } = app.database;
  app.get('/api/v1/workbench', {
    config: { access: access.authenticated() },
    schema: {
      tags: ['workbench'],
      summary: '工作台待办：到期跟进、停滞项目、待评审、待核企业、资质即将到期的数量（按角色）',
      response: { 200: Workbench },
    },
    handler: (req) => workbench(db, req.actor as Actor),
  });
}
