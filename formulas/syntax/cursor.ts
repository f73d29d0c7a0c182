// What the user is typing at a cursor position, for the editor's autocomplete and argument help.
// Works on tokens only, so it answers for half-typed input (`{销`, `IF({a}>1, SU`) that does not parse.

import { tokenize } from './lexer';
import type { Token } from './token';

export interface CallContext {
  /** The innermost function call around the cursor, as written. */
  readonly name: string;
  /** 0-based index of the argument the cursor is in. */
  readonly argIndex: number;
}

export type CursorKind = 'field' | 'column' | 'name' | 'value' | 'none';

export interface CursorContext {
  /** field: inside `{…}`; column: inside `[…]` (of `table` if given); name: a function or table name; value: between tokens, where a value may start; none: inside text or a number. */
  readonly kind: CursorKind;
  /** What is typed so far of the name at the cursor. */
  readonly prefix: string;
  /** The range a completion replaces. */
  readonly from: number;
  readonly to: number;
  readonly table?: string;
  readonly call?: CallContext;
}

export function contextAt(source: string, offset: number): CursorContext {
  const tokens = tokenize(source);
  const call = callAt(tokens, offset);
  const withCall = call === undefined ? {} : { call };
  const index = tokens.findIndex((t) => t.kind !== 'eof' && t.span.start < offset && offset <= t.span.end);
  const token = tokens[index];
  if (token === undefined) return { kind: 'value', prefix: '', from: offset, to: offset, ...withCall };
  const open = source[token.span.start];
  const closed = token.kind === 'field' || token.kind === 'column';
  const unclosedRef = token.kind === 'error' && token.problem?.code === 'FORMULA_UNTERMINATED_REF' && token.problem.close !== "'";
  if (closed || unclosedRef) {
    if (closed && offset === token.span.end) return { kind: 'value', prefix: '', from: offset, to: offset, ...withCall };
    const prefix = source.slice(token.span.start + 1, offset);
    if (open === '{') return { kind: 'field', prefix, from: token.span.start, to: token.span.end, ...withCall };
    const before = tokens[index - 1];
    const table = before !== undefined && before.span.end === token.span.start && (before.kind === 'name' || before.kind === 'quotedName') ? before : undefined;
    if (table !== undefined) {
      return { kind: 'column', prefix, from: table.span.start, to: token.span.end, table: table.value, ...withCall };
    }
    return { kind: 'column', prefix, from: token.span.start, to: token.span.end, ...withCall };
  }
  if (token.kind === 'name') {
    return { kind: 'name', prefix: source.slice(token.span.start, offset), from: token.span.start, to: token.span.end, ...withCall };
  }
  if (token.kind === 'op' || token.kind === 'lparen' || token.kind === 'comma') {
    return offset === token.span.end ? { kind: 'value', prefix: '', from: offset, to: offset, ...withCall } : { kind: 'none', prefix: '', from: offset, to: offset };
  }
  return { kind: 'none', prefix: '', from: offset, to: offset, ...withCall };
}

/** The innermost call whose parentheses enclose `offset`, and which argument the cursor is in. */
function callAt(tokens: readonly Token[], offset: number): CallContext | undefined {
  const stack: { name: string | undefined; argIndex: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.span.start >= offset || t.kind === 'eof') break;
    if (t.kind === 'lparen') {
      const before = tokens[i - 1];
      stack.push({ name: before?.kind === 'name' ? before.value : undefined, argIndex: 0 });
    } else if (t.kind === 'rparen') {
      stack.pop();
    } else if (t.kind === 'comma') {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.argIndex++;
    }
  }
  for (let i = stack.length - 1; i >= 0; i--) {
    const frame = stack[i];
    if (frame?.name !== undefined) return { name: frame.name, argIndex: frame.argIndex };
  }
  return undefined;
}
