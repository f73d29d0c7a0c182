import { isApiError } from '../api/api-error';

type T = (key: string, named?: Record<string, unknown>) => string;
type TE = (key: string) => boolean;

/** Codes whose wording we own; for the rest the server's message (already in the user's language) is best. */
const OWN_WORDING = new Set(['NETWORK', 'INTERNAL', 'NOT_FOUND', 'VERSION_CONFLICT', 'UNDO_EMPTY']);

/** The sentence to show a user for an error, in their language; never a stack trace. */
export function errorText(e: unknown, t: T, te: TE): string {
  if (isApiError(e)) {
    const key = `errors.${e.code}`;
    if (OWN_WORDING.has(e.code) && te(key)) return t(key, { message: e.message });
    if (e.message) return e.message;
    if (te(key)) return t(key, { message: e.message });
    return t('errors.generic', { message: e.code });
  }
  if (e instanceof Error) return t('errors.generic', { message: e.message });
  return t('errors.generic', { message: String(e) });
}
