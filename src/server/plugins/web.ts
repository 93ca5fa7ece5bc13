/** Serves the built web app: hashed assets with long caching, and index.html for every other page
 *  so client-side routes survive a reload. API paths never fall through to the app. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { ROOT_DIR } from '../../config.js';
import { access } from '../access.js';
import type { App } from '../types.js';

export const WEB_DIST = path.join(ROOT_DIR, 'dist', 'web');

export async function registerWeb(app: App) {
  const indexFile = path.join(WEB_DIST, 'index.html');
  const hasBuild = existsSync(indexFile);
  if (hasBuild) {
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
  }
  const page = (_req: { url: string }, reply: import('fastify').FastifyReply) => {
    if (!hasBuild) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<p>前端尚未构建：请运行 npm run build 或 npm start。</p>');
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(readFileSync(indexFile));
  };
  app.get('/assets/*', {
    config: { access: access.public() },
    schema: { hide: true },
    handler: (req, reply) => {
      const rel = (req.params as { '*': string })['*'];
      if (!hasBuild) return reply.callNotFound();
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .sendFile(path.join('assets', rel));
    },
  });
  for (const file of ['favicon.svg', 'robots.txt']) {
    app.get(`/${file}`, {
      config: { access: access.public() },
      schema: { hide: true },
      handler: (_req, reply) =>
        hasBuild && existsSync(path.join(WEB_DIST, file)) ? reply.sendFile(file) : reply.callNotFound(),
    });
  }
  app.get('/', { config: { access: access.public() }, schema: { hide: true }, handler: page });
  return page;
}
