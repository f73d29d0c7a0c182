// The closed catalogue of save-time problems with a formula. The code is the contract (the server
// answers 422 with it); the message may change wording.

export const DIAGNOSTIC_CODES = [
  'FORMULA_EMPTY',
  'FORMULA_TOO_LONG',
  'FORMULA_TOO_DEEP',
  'FORMULA_SYNTAX',
  'FORMULA_UNEXPECTED_CHAR',
  'FORMULA_UNTERMINATED_STRING',
  'FORMULA_QUOTE_MISMATCH',
  'FORMULA_UNTERMINATED_REF',
  'FORMULA_UNBALANCED',
  'FORMULA_BAD_NUMBER',
  'FORMULA_BARE_NAME',
  'FORMULA_UNKNOWN_FIELD',
  'FORMULA_UNKNOWN_TABLE',
  'FORMULA_UNKNOWN_FUNCTION',
  'FORMULA_ARG_COUNT',
  'FORMULA_ARG_KIND',
  'FORMULA_COLUMN_AS_VALUE',
  'FORMULA_CYCLE',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Language = 'zh-CN' | 'en';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly message: string;
  /** UTF-16 offsets into the source as given. */
  readonly start: number;
  readonly end: number;
  /** "Did you mean": replacement text for [start, end), ready to splice into the source. */
  readonly suggestion?: string;
}
