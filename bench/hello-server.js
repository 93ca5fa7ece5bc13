// Baseline for bench/cold-start.ts: the smallest Fastify server that answers /api/health.
// PORT from the environment; stops on SIGTERM like the real server.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
