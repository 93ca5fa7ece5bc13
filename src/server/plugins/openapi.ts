/** OpenAPI 3 from the routes' zod schemas, at /api/openapi.json, and Swagger UI at /api/docs
 *  (served from the package, no CDN). */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { access } from '../access.js';
import type { App } from '../types.js';
import { VERSION } from '../version.js';

export const DOCS_PREFIX = '/api/docs';

export async function registerOpenApi(app: App) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '科招 KeZhao API',
        description:
          '科技招商与科技企业培育平台接口。会话 Cookie 认证；修改类请求须带 X-CSRF-Token 头（取自 GET /api/v1/me）。',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kz_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: true,
    // The plugin's policy asks the browser to upgrade every request to https: on a server reached by
    // plain http (an intranet address; COOKIE_SECURE is off by default) the page then loads nothing.
    transformStaticCSP: (csp) =>
      csp
        .split(';')
        .filter((d) => d.trim() !== 'upgrade-insecure-requests')
        .join(';'),
  });
  app.get('/api/openapi.json', {
    config: { access: access.public() },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
}
