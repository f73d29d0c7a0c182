import type { Span } from './span';

/**
 * Token kinds. References are single tokens because their insides are names, not syntax:
 * `{销售额}` is one `field` token whatever characters the name holds.
 */
export type TokenKind =
  | 'number'
  | 'string'
  | 'field' // {Name}
  | 'column' // [Name]
  | 'name' // identifier: function name, TRUE/FALSE, bare table name
  | 'quotedName' // 'Table name'
  | 'op' // + - * / ^ & = <> < > <= >= %
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'error' // a character or construct the lexer could not read; its diagnostic is in `problem`
  | 'eof';

export type LexProblem =
  | { readonly code: 'FORMULA_UNEXPECTED_CHAR'; readonly char: string }
  | { readonly code: 'FORMULA_UNTERMINATED_STRING' }
  | { readonly code: 'FORMULA_QUOTE_MISMATCH'; readonly open: string; readonly close: string }
  | { readonly code: 'FORMULA_UNTERMINATED_REF'; readonly close: string }
  | { readonly code: 'FORMULA_BAD_NUMBER'; readonly text: string };

export interface Token {
  readonly kind: TokenKind;
  readonly span: Span;
  /** Source text of the token (for refs and strings: including brackets/quotes). */
  readonly text: string;
  /**
   * Decoded content: the number's text, the string's value (escapes resolved), the name inside
   * `{}`/`[]`/quotes, the ASCII twin of a full-width operator.
   */
  readonly value: string;
  /** For string tokens: which quote opened it. */
  readonly quote?: '"' | '“';
  readonly problem?: LexProblem;
}
