/** A failed API call: the server's error envelope, or a synthetic one for network/parse failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Map a non-2xx response body (already parsed, or raw text) to an ApiError. */
export function toApiError(status: number, body: unknown, fallbackText = ''): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const e = body.error;
    const code = typeof e.code === 'string' ? e.code : codeForStatus(status);
    const message = typeof e.message === 'string' ? e.message : fallbackText;
    const details = isRecord(e.details) ? e.details : {};
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, codeForStatus(status), fallbackText);
}

export function codeForStatus(status: number): string {
  if (status === 0) return 'NETWORK';
  if (status === 400) return 'BAD_REQUEST';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 422) return 'UNPROCESSABLE';
  return 'INTERNAL';
}
