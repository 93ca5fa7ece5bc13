/** Saved views: a user's named filters of a list page, private to that user. */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { savedViews } from '../../../db/schema/index.js';
import { ErrorBody, IdParams } from '../../../shared/api.js';
import { ProjectFilter, SavedView, SavedViewCreate, SavedViewQuery } from '../../../shared/pipeline-api.js';
import { type Actor, access } from '../../access.js';
import { AppError } from '../../app-error.js';
import type { App } from '../../types.js';

const MAX_VIEWS_PER_PAGE = 30;
/** What a 招商项目 view may hold: the list's filters, and the owner's name shown with the owner filter. */
const ViewQuery = ProjectFilter.extend({ ownerName: z.string().max(100).optional() }).strict();
const FILTER_NAMES: Record<string, string> = {
  q: '关键词',
  stage: '阶段',
  source: '来源',
  type: '类型',
  ownerId: '负责人',
  ownerName: '负责人',
  orgId: '组织',
  mine: '只看我的',
  stale: '只看停滞',
  sort: '排序',
  order: '顺序',
  page: '页码',
  pageSize: '每页条数',
};
const present = (v: typeof savedViews.$inferSelect) => ({
  id: v.id,
  page: v.page as 'projects',
  name: v.name,
  query: v.query as Record<string, string | number | boolean>,
  createdAt: v.createdAt.toISOString(),
});

export function savedViewRoutes(app: App) {
  const { db } = app.database;
  const signedIn = { access: access.authenticated() };
  app.get('/api/v1/saved-views', {
    config: signedIn,
    schema: {
      tags: ['saved-views'],
      summary: '我保存的列表视图',
      querystring: SavedViewQuery,
      response: { 200: z.object({ items: z.array(SavedView) }) },
    },
    handler: async (req) => {
      const actor = req.actor as Actor;
      const rows = await db
        .select()
        .from(savedViews)
        .where(and(eq(savedViews.userId, actor.id), eq(savedViews.page, req.query.page)))
        .orderBy(asc(savedViews.name));
      return { items: rows.map(present) };
    },
  });
  app.post('/api/v1/saved-views', {
    config: signedIn,
    schema: {
      tags: ['saved-views'],
      summary: '把当前筛选条件保存为视图（同名视图不可重复）',
      body: SavedViewCreate,
      response: { 201: SavedView, 400: ErrorBody, 409: ErrorBody },
    },
    handler: async (req, reply) => {
      const actor = req.actor as Actor;
      if (JSON.stringify(req.body.query).length > 4000)
        throw new AppError('request.invalid', { message: '筛选条件过长' });
      // The view is opened as the list's query string later: it must be one the list accepts now.
      const asQuery = Object.fromEntries(Object.entries(req.body.query).map(([k, v]) => [k, String(v)]));
      const check = ViewQuery.safeParse(asQuery);
      if (!check.success) {
        const issue = check.error.issues[0];
        throw new AppError('request.invalid', {
          message: `视图中的“${FILTER_NAMES[String(issue.path[0])] ?? String(issue.path[0] ?? '筛选')}”条件无效`,
          field: `body.query.${issue.path.join('.')}`,
        });
      }
      const mine = await db
        .select({ id: savedViews.id })
        .from(savedViews)
        .where(and(eq(savedViews.userId, actor.id), eq(savedViews.page, req.body.page)));
      if (mine.length >= MAX_VIEWS_PER_PAGE)
        throw new AppError('request.invalid', { message: `每个页面最多保存 ${MAX_VIEWS_PER_PAGE} 个视图` });
      const [row] = await db
        .insert(savedViews)
        .values({ ...req.body, userId: actor.id })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('conflict.duplicate', { message: `已有名为“${req.body.name}”的视图` });
      return reply.code(201).send(present(row));
    },
  });
  app.delete('/api/v1/saved-views/:id', {
    config: signedIn,
    schema: {
      tags: ['saved-views'],
      summary: '删除我保存的视图',
      params: IdParams,
      response: { 204: z.null(), 404: ErrorBody },
    },
    handler: async (req, reply) => {
      const actor = req.actor as Actor;
      const gone = await db
        .delete(savedViews)
        .where(and(eq(savedViews.id, req.params.id), eq(savedViews.userId, actor.id)))
        .returning({ id: savedViews.id });
      if (!gone.length) throw new AppError('saved_view.not_found');
      return reply.code(204).send(null);
    },
  });
}
