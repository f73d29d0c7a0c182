// Wire: the one closed list of the API's error codes and the error envelope (shared/API.md). Their HTTP statuses
// and messages are the server's (server/http/app-error.ts).
import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'LIMIT_EXCEEDED',
  'NOT_FOUND',
  'FIELD_NOT_FOUND',
  'VERSION_CONFLICT',
  'NAME_TAKEN',
  'UNDO_EMPTY',
  'TEMPLATE_FIELD_EXISTS',
  'PAYLOAD_TOO_LARGE',
  'INVALID_CELL',
  'INVALID_NAME',
  'FORMULA_INVALID',
  'FORMULA_CYCLE',
  'TYPE_CHANGE_LOSSY',
  'IMPORT_UNREADABLE',
  'IMPORT_BAD_ROWS',
  'IMPORT_MAPPING',
  'TEMPLATE_INPUT_MISSING',
  'TOO_MANY_FIELDS',
  'HOST_NOT_ALLOWED',
  'CROSS_SITE_WRITE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
