/** Builds the whole product as one Fastify app: API, OpenAPI docs and the web app. */

import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { JobRunner } from '../jobs/runner.js';
import { type AccessRule, access, describeRule } from './access.js';
import { clientErrorHandler } from './client-error.js';
import { serializeError } from './log-safety.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { chainRoutes } from './modules/chains/routes.js';
import { cultivationRoutes } from './modules/cultivation/routes.js';
import { enterpriseRoutes } from './modules/enterprises/routes.js';
import { evaluationRoutes } from './modules/evaluation/routes.js';
import { graphRoutes } from './modules/graph/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { jobRoutes } from './modules/jobs/routes.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { policyRoutes } from './modules/policies/routes.js';
import { projectReportRoutes } from './modules/project-reports/routes.js';
import { projectLoopRoutes } from './modules/projects/loop-routes.js';
import { projectRoutes } from './modules/projects/routes.js';
import { savedViewRoutes } from './modules/saved-views/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { workbenchRoutes } from './modules/workbench/routes.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling, sendError } from './plugins/errors.js';
import { registerNulGuard } from './plugins/nul-guard.js';
import { DOCS_PREFIX, registerOpenApi } from './plugins/openapi.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { validatorCompiler } from './plugins/validation.js';
import { registerWeb } from './plugins/web.js';
import type { App } from './types.js';

export type RouteEntry = { method: string; url: string; access: string | null };

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    jobs: JobRunner | null;
    /** Every registered route with its declared access rule, for the route-rule test and docs. */
    routeTable: RouteEntry[];
  }
}

/** Routes added by third-party plugins cannot carry our config, so their rule is declared here. */
const PLUGIN_ROUTE_RULES: { prefix: string; rule: AccessRule }[] = [
  { prefix: DOCS_PREFIX, rule: access.public() },
];

export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body.password',
  '*.password',
  '*.passwordHash',
];

export async function buildApp(opts: {
  database: Database;
  config: Config;
  jobs?: JobRunner | null;
  logger?: FastifyServerOptions['logger'];
}): Promise<App> {
  // Whoever configures the logger, a logged error never shows a failed query's parameters.
  const logger = opts.logger === true ? {} : opts.logger;
  const app = Fastify({
    logger: logger ? { ...logger, serializers: { ...logger.serializers, err: serializeError } } : false,
    bodyLimit: opts.config.bodyLimitBytes,
    trustProxy: process.env.TRUST_PROXY === 'true',
    return503OnClosing: true,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  app.decorate('config', opts.config);
  app.decorate('jobs', opts.jobs ?? null);
  app.decorate('routeTable', [] as RouteEntry[]);

  app.addHook('onRoute', (route) => {
    const declared = PLUGIN_ROUTE_RULES.find((p) => route.url.startsWith(p.prefix));
    if (!route.config?.access && declared) route.config = { ...route.config, access: declared.rule };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      app.routeTable.push({
        method,
        url: route.url,
        access: route.config?.access ? describeRule(route.config.access) : null,
      });
    }
  });

  registerErrorHandling(app);
  registerNulGuard(app);
  await app.register(cookie);
  await app.register(multipart);
  registerSecurityHeaders(app);
  registerAuth(app, opts.database.db, opts.config);
  await registerOpenApi(app);

  healthRoutes(app);
  authRoutes(app);
  orgRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  jobRoutes(app);
  enterpriseRoutes(app);
  cultivationRoutes(app);
  policyRoutes(app);
  chainRoutes(app);
  graphRoutes(app, opts.config.importMaxBytes);
  projectLoopRoutes(app);
  projectRoutes(app);
  projectReportRoutes(app);
  savedViewRoutes(app);
  evaluationRoutes(app);
  workbenchRoutes(app);
  const page = await registerWeb(app);

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) return page(request, reply);
    return sendError(reply, request, 'route.not_found', {
      method: request.method,
      url: request.url.split('?')[0],
    });
  });
  return app;
}
