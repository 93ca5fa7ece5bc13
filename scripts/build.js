// Builds what is missing or stale: the server bundle (esbuild) and the web app (Vite).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_OUT = path.join(root, 'dist', 'server', 'cli.js');
const WEB_OUT = path.join(root, 'dist', 'web', 'index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some(
    (p) => existsSync(p) && (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs) > built,
  );
}

export async function buildServer() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'cli', 'index.ts')],
    outfile: SERVER_OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

export async function buildWeb() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

/** Builds the parts whose sources are newer than their output. */
export async function ensureBuilt({ web = true } = {}) {
  if (stale(SERVER_OUT, [path.join(root, 'src'), path.join(root, 'package.json')])) {
    process.stderr.write('正在构建服务端… building the server…\n');
    await buildServer();
  }
  if (
    web &&
    stale(WEB_OUT, [
      path.join(root, 'web'),
      path.join(root, 'src', 'shared'),
      path.join(root, 'vite.config.ts'),
    ])
  ) {
    process.stderr.write('正在构建前端（首次约需一分钟）… building the web app…\n');
    await buildWeb();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer();
  await buildWeb();
  console.log('构建完成：dist/server 与 dist/web');
}
