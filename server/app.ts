// createApp(deps): the whole JSON API under /api. The lead's server/main.ts mounts the static UI around it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './http/app-error';
import type { AppDeps } from './deps';
import type { AppEnv } from './http/context';
import { edgeGuard, isUploadPath } from './http/edge-guard';
import { errorResponse, onError } from './http/error-handler';
import { fieldsRoutes } from './features/fields/fields.routes';
import { formulasRoutes } from './features/formulas/formulas.routes';
import { summariesRoutes } from './features/summaries/summaries.routes';
import { healthRoutes } from './features/health/health.routes';
import { historyRoutes } from './features/history/history.routes';
import { importsRoutes } from './features/imports/imports.routes';
import { ImportStore } from './features/imports/imports.store';
import { exportsRoutes } from './features/exports/exports.routes';
import { dashboardsRoutes } from './features/dashboards/dashboards.routes';
import { openApiRoutes } from './openapi';
import { templatesRoutes } from './features/templates/templates.routes';
import { rowsRoutes } from './features/rows/rows.routes';
import { tablesRoutes } from './features/tables/tables.routes';
import { trashRoutes } from './features/trash/trash.routes';
import { workbooksRoutes } from './features/workbooks/workbooks.routes';

export const JSON_BODY_LIMIT = 16 * 1024 * 1024;

export type { AppDeps } from './deps';

export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>();
  const imports = new ImportStore();
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('imports', imports);
    await next();
  });
  api.use('*', async (c, next) => {
    // Imports stream their own (larger) bodies.
    if (isUploadPath(c.req.path)) return next();
    return bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', { limit: '16 MB' });
      },
    })(c, next);
  });
  api.route('/', healthRoutes());
  api.route('/', workbooksRoutes());
  api.route('/', tablesRoutes());
  api.route('/', fieldsRoutes());
  api.route('/', rowsRoutes());
  api.route('/', trashRoutes());
  api.route('/', formulasRoutes());
  api.route('/', summariesRoutes());
  api.route('/', historyRoutes());
  api.route('/', importsRoutes());
  api.route('/', exportsRoutes());
  api.route('/', dashboardsRoutes());
  api.route('/', openApiRoutes());
  api.route('/', templatesRoutes());
  // Unknown routes under /api answer the JSON envelope too (also when mounted inside another app).
  api.all('*', (c) => errorResponse(c, new AppError('NOT_FOUND', { kind: 'route', kindZh: '接口', id: `${c.req.method} ${c.req.path}` })));
  api.onError(onError);

  const app = new Hono();
  // Also guards the UI that server/main.ts mounts around this app: route() copies this middleware in front of it.
  app.use('*', edgeGuard(deps.allowedHosts ?? []));
  app.route('/api', api);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
