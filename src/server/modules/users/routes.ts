import {
  ColleagueList,
  ColleagueQuery,
  ErrorBody,
  IdParams,
  ResetPassword,
  User,
  UserCreate,
  UserList,
  UserQuery,
  UserUpdate,
} from '../../../shared/api.js';
import { type Actor, access } from '../../access.js';
import type { App } from '../../types.js';
import { listColleagues } from './colleagues.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service.js';

const tags = ['users'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export function userRoutes(app: App) {
  const { db } = app.database;
  const admin = { access: access.roles('admin') };

  app.get('/api/v1/users', {
    config: admin,
    schema: {
      tags,
      summary: '用户列表（本组织及下级）',
      querystring: UserQuery,
      response: { 200: UserList },
    },
    handler: (req) => listUsers(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/colleagues', {
    config: { access: access.roles('admin', 'leader', 'officer', 'analyst') },
    schema: {
      tags,
      summary: '同事列表（本组织及下级的在用账户，可按角色筛选）：用于指定项目负责人、推送清单负责人',
      querystring: ColleagueQuery,
      response: { 200: ColleagueList },
    },
    handler: (req) => listColleagues(db, req.actor as Actor, req.query),
  });
  app.get('/api/v1/users/:id', {
    config: admin,
    schema: { tags, summary: '用户详情', params: IdParams, response: { 200: User, ...errors } },
    handler: (req) => getUser(db, req.actor as Actor, req.params.id),
  });
  app.post('/api/v1/users', {
    config: admin,
    schema: { tags, summary: '新建用户', body: UserCreate, response: { 201: User, ...errors } },
    handler: async (req, reply) => reply.code(201).send(await createUser(db, req.actor as Actor, req.body)),
  });
  app.patch('/api/v1/users/:id', {
    config: admin,
    schema: {
      tags,
      summary: '修改用户（姓名、角色、组织、停用）',
      params: IdParams,
      body: UserUpdate,
      response: { 200: User, ...errors },
    },
    handler: (req) => updateUser(db, req.actor as Actor, req.params.id, req.body),
  });
  app.post('/api/v1/users/:id/reset-password', {
    config: admin,
    schema: {
      tags,
      summary: '重置密码（该用户所有会话立即失效）',
      params: IdParams,
      body: ResetPassword,
      response: { 200: User, ...errors },
    },
    handler: (req) =>
      resetPassword(db, req.actor as Actor, req.params.id, req.body.version, req.body.password),
  });
}
