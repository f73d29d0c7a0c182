import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

// The web app lives in web/ and builds into dist/web, which `npm start` serves.
export default defineConfig({
  root: `${projectRoot}web`,
  plugins: [vue()],
  build: {
    outDir: `${projectRoot}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': {
        target: `http://127.0.0.1:${process.env.SEGSHEET_API_PORT ?? '3001'}`,
        // Keep the browser's Host (the string shorthand rewrites it): the API checks a write's Origin against it.
        changeOrigin: false,
        // web/api/*.ts are modules of the app, not API routes: Vite serves them.
        bypass: (req) => (/^\/api\/[^?]*\.ts(\?|$)/.test(req.url ?? '') ? req.url : undefined),
      },
    },
  },
  test: {
    root: projectRoot,
    include: ['architecture.test.ts', '{bench,common,formulas,server,templates,web}/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
