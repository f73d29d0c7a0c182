// The one onError: AppError → its envelope; anything else → 500 INTERNAL (logged, never shown).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, errorMessage, publicDetails } from './app-error';
import type { ErrorCode } from './app-error';
import type { AppEnv } from './context';
import { requestLanguage } from './language';

export function errorResponse(c: Context<AppEnv>, error: AppError): Response {
  const lang = requestLanguage(c);
  const details = publicDetails(error.details, lang);
  const body = {
    error: {
      code: error.code,
      message: errorMessage(error.code, error.details, lang),
      ...(Object.keys(details).length > 0 ? { details } : {}),
    },
  };
  return c.json(body, error.status as ContentfulStatusCode);
}

export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) return errorResponse(c, error);
  if (error instanceof HTTPException) {
    const code: ErrorCode = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : error.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return errorResponse(c, new AppError(code, code === 'PAYLOAD_TOO_LARGE' ? { limit: '16 MB' } : { reason: error.message }));
  }
  console.error(`[segsheet] ${c.req.method} ${c.req.path} failed:`, error);
  return errorResponse(c, new AppError('INTERNAL'));
}
