import { sql } from 'drizzle-orm';
import { migrationStatus } from '../../../db/migrate.js';
import { Health } from '../../../shared/api.js';
import { access } from '../../access.js';
import type { App } from '../../types.js';
import { VERSION } from '../../version.js';

export function healthRoutes(app: App) {
  const started = Date.now();
  app.get('/api/health', {
    config: { access: access.public() },
    schema: {
      tags: ['system'],
      summary: '存活与就绪检查：数据库可达、迁移已是最新',
      response: { 200: Health, 503: Health },
    },
    handler: async (_req, reply) => {
      let database: 'ok' | 'unreachable' = 'ok';
      let migrations: 'current' | 'pending' | 'unknown' = 'unknown';
      try {
        await app.database.db.execute(sql`select 1`);
        migrations = await migrationStatus(app.database);
      } catch {
        database = 'unreachable';
      }
      const ok = database === 'ok' && migrations === 'current';
      return reply.code(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database,
        migrations,
        engine: app.database.engine,
        version: VERSION,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      });
    },
  });
}
