// `npm start`: one process that builds the UI when needed, then serves the API under /api and the UI.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { openSegsheet } from './boot';
import { readRuntimeEnv } from './runtime-env';
import { ensureWebBuild, webBuildDir } from './web-build';

async function main(): Promise<void> {
  const env = readRuntimeEnv();
  await ensureWebBuild();
  const segsheet = await openSegsheet({ dataDir: env.dataDir, allowedHosts: env.allowedHosts });

  const root = new Hono();
  root.route('/', segsheet.app);
  // serveStatic takes a root relative to the working directory only.
  root.use('/*', serveStatic({ root: path.relative(process.cwd(), webBuildDir) }));
  const indexHtml = await readFile(path.join(webBuildDir, 'index.html'), 'utf8');
  root.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));

  const server = serve({ fetch: root.fetch, port: env.port, hostname: env.host }, (info) => {
    console.log(`Segsheet is running at http://${env.host === '0.0.0.0' ? 'localhost' : env.host}:${info.port}`);
    console.log(`Data: ${segsheet.dbFile}`);
  });

  server.on('error', (error: NodeJS.ErrnoException) => {
    // The one start-up failure a user causes often: another program (or a second Segsheet) holds the port.
    const reason = error.code === 'EADDRINUSE'
      ? `Port ${env.port} on ${env.host} is already in use (端口已被占用). Stop the other program or start with PORT=<another port>.`
      : `Cannot listen on ${env.host}:${env.port} (无法监听端口): ${error.message}`;
    console.error(reason);
    void segsheet.close().then(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Segsheet (正在停止)…`);
    server.close(() => {
      void segsheet.close().then(() => process.exit(0));
    });
    // Open keep-alive connections must not keep the database open forever.
    setTimeout(() => void segsheet.close().then(() => process.exit(0)), 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
