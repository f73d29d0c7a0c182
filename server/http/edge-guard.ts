// The edge of the server, in front of the API and the UI: it answers only the host names it serves (DNS
// rebinding), takes writes only from its own pages and in a content type no cross-site form can send (CSRF), and
// puts the security headers on every answer. hono/csrf does not fit: it lets a write through when either Origin
// or Sec-Fetch-Site passes, refuses clients that send neither (curl) and answers a bare 403.
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from './app-error';
import type { AppEnv } from './context';
import { errorResponse } from './error-handler';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What an HTML form (or a no-cors fetch) can send without asking the server first. */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const UPLOAD_PATH = /^\/api\/workbooks\/[^/]+\/imports$/;

/** The upload route streams its own body: multipart, or the raw file. */
export function isUploadPath(path: string): boolean {
  return UPLOAD_PATH.test(path);
}

/** The host name of a Host header or an allow-list entry, lower case, port and trailing dot dropped; null if it is not one. */
export function hostNameOf(text: string): string | null {
  // A bare IPv6 address (an allow-list entry) needs its brackets to parse.
  const bracketed = /^[0-9a-f:]+$/i.test(text) && text.split(':').length > 2 ? `[${text}]` : text;
  let url: URL;
  try {
    url = new URL(`http://${bracketed}`);
  } catch {
    return null;
  }
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return url.hostname.replace(/\.$/, '') || null;
}

/**
 * An entry of SEGSHEET_ALLOWED_HOSTS (or HOST) as the guard matches it: a host name, or ".name" for the name and
 * every name under it. Null when the text is not a host name.
 */
export function allowedHostEntry(text: string): string | null {
  const trimmed = text.trim();
  const wildcard = trimmed.startsWith('.');
  const name = hostNameOf(wildcard ? trimmed.slice(1) : trimmed);
  if (name === null) return null;
  return wildcard ? `.${name}` : name;
}

function isAllowedHost(name: string, extra: readonly string[]): boolean {
  if (LOOPBACK_HOSTS.includes(name)) return true;
  return extra.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry));
}

/** The media type of a Content-Type header, lower case, without parameters; '' when there is none. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export const isJsonType = (header: string | undefined): boolean => mediaTypeOf(header) === 'application/json';

/** Per RFC 9112 a request with neither Content-Length nor Transfer-Encoding has no body. */
function declaresBody(c: Context): boolean {
  const length = c.req.header('content-length');
  return (length !== undefined && length.trim() !== '0') || c.req.header('transfer-encoding') !== undefined;
}

/** Why a write is not from one of our own pages, or null when it may be. */
function crossSiteSender(c: Context, host: string): string | null {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return c.req.header('origin') ?? `Sec-Fetch-Site: ${site}`;
  const origin = c.req.header('origin');
  if (origin === undefined) return null;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return origin;
  }
  const sameHost = (from.protocol === 'http:' || from.protocol === 'https:') && from.host === new URL(`http://${host}`).host;
  return sameHost ? null : origin;
}

function refusedContentType(c: Context): AppError | null {
  const type = mediaTypeOf(c.req.header('content-type'));
  if (isUploadPath(c.req.path)) {
    if (type === 'multipart/form-data' || (type !== '' && !FORM_TYPES.has(type))) return null;
    return new AppError('UNSUPPORTED_MEDIA_TYPE', {
      contentType: type,
      expected: 'multipart/form-data, or the file as the body with Content-Type application/octet-stream',
      expectedZh: 'multipart/form-data，或以 Content-Type: application/octet-stream 发送文件本身',
    });
  }
  if (type === 'application/json' || (type === '' && !declaresBody(c))) return null;
  return new AppError('UNSUPPORTED_MEDIA_TYPE', { contentType: type, expected: 'application/json' });
}

/** CSP with no inline script; AG Grid and Vue set inline styles, ECharts draws on canvas and may use blob: images. */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  // Served over plain HTTP on this machine; HSTS belongs to whatever terminates TLS in front of it.
  strictTransportSecurity: false,
});

/** The guard, for the app that holds the API (and, mounted around it, the UI). `allowedHosts`: allowedHostEntry values. */
export function edgeGuard(allowedHosts: readonly string[]): MiddlewareHandler<AppEnv> {
  return (c, next) =>
    headers(c, async () => {
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      const name = hostNameOf(host);
      if (name === null || !isAllowedHost(name, allowedHosts)) {
        c.res = errorResponse(c, new AppError('HOST_NOT_ALLOWED', { host: name ?? host }));
        return;
      }
      if (WRITE_METHODS.has(c.req.method)) {
        const from = crossSiteSender(c, host);
        const refused = from !== null ? new AppError('CROSS_SITE_WRITE', { origin: from }) : refusedContentType(c);
        if (refused) {
          c.res = errorResponse(c, refused);
          return;
        }
      }
      await next();
    });
}
