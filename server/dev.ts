// `npm run dev`: the API on SEGSHEET_API_PORT (3001) and Vite's dev server with hot reload, proxying /api to it.
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createServer } from 'vite';
import { openSegsheet } from './boot';
import { projectRoot, readRuntimeEnv } from './runtime-env';

async function main(): Promise<void> {
  const env = readRuntimeEnv();
  const apiPort = Number(process.env.SEGSHEET_API_PORT ?? 3001);
  process.env.SEGSHEET_API_PORT = String(apiPort);
  const segsheet = await openSegsheet({ dataDir: env.dataDir, allowedHosts: env.allowedHosts });
  const api = serve({ fetch: segsheet.app.fetch, port: apiPort, hostname: '127.0.0.1' });
  const vite = await createServer({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    // Vite proxies /api with the browser's Host: both answer the same names (the same ".x" syntax).
    server: { port: env.port, host: env.host, allowedHosts: [...env.allowedHosts] },
  });
  await vite.listen();
  vite.printUrls();
  const stop = (): void => {
    void vite.close().then(() => api.close(() => void segsheet.close().then(() => process.exit(0))));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
