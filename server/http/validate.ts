// Request bodies and queries through zod: a failure is 400 BAD_REQUEST with details.issues. Text that cannot be
// stored as it was sent (invalid UTF-8, a lone UTF-16 surrogate) is refused here too, never replaced by U+FFFD.
import type { Context } from 'hono';
import type { z } from 'zod';
import { MAX_JSON_DEPTH } from '../../common';
import { AppError } from './app-error';

export interface Issue {
  path: string;
  message: string;
  code: string;
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

/** 400 BAD_REQUEST for issues found in a body or query, the first one named in the message. */
export function invalidInput(issues: Issue[], where: 'body' | 'query'): AppError {
  const first = issues[0];
  const at = first && first.path !== '' ? first.path : undefined;
  return new AppError('BAD_REQUEST', {
    reason: `invalid ${where}${first ? `: ${at ? `${at}: ` : ''}${first.message}` : ''}`,
    reasonZh: `${where === 'body' ? '请求内容' : '查询参数'}${at ? `中的 ${at} ` : ''}无效${first ? `（${first.message}）` : ''}`,
    issues,
  });
}

/** A lone surrogate: in a `u` regex a well-formed pair is one code point, so only unpaired halves match (= !isWellFormed()). */
const LONE_SURROGATE = /\p{Cs}/u;

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v !== null && v.parent !== null; v = v.parent) keys.push(v.key.replace(/\p{Cs}/gu, '\uFFFD'));
  return keys.reverse().join('.');
}

/** The path of the first string (a value or a key) that is not well-formed UTF-16, or null. Iterative: bodies nest deep. */
export function illFormedTextPath(input: unknown): string | null {
  const stack: Visit[] = [{ value: input, key: '', parent: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const value = visit.value;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return pathOf(visit);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, key: String(i), parent: visit });
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const child: Visit = { value: record[key], key, parent: visit };
        if (LONE_SURROGATE.test(key)) return pathOf(child);
        if (typeof child.value === 'object' && child.value !== null) stack.push(child);
        else if (typeof child.value === 'string' && LONE_SURROGATE.test(child.value)) return pathOf(child);
      }
    }
  }
  return null;
}

function refuseIllFormedText(input: unknown, where: 'body' | 'query'): void {
  const illFormed = illFormedTextPath(input);
  if (illFormed === null) return;
  const message = 'text with a lone UTF-16 surrogate cannot be stored as sent';
  throw new AppError('BAD_REQUEST', {
    reason: `invalid ${where}: ${message} (at ${illFormed || where})`,
    reasonZh: `文本含有不成对的 UTF-16 代理字符，无法按原样保存（位置：${illFormed || where}）`,
    issues: [{ path: illFormed, message, code: 'lone_surrogate' }],
  });
}

function validate<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(issuesOf(parsed.error), where);
  return parsed.data;
}

/**
 * Refuses JSON nested deeper than MAX_JSON_DEPTH before a schema walks it (a recursive schema would run out of
 * stack: a filter nested 900 deep was a 500). Walks without recursion.
 */
export function checkJsonDepth(value: unknown): void {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  if (deepest > MAX_JSON_DEPTH) {
    throw new AppError('LIMIT_EXCEEDED', {
      limit: 'jsonDepth',
      max: MAX_JSON_DEPTH,
      actual: deepest,
      what: 'The nesting depth of arrays and objects in the request',
      whatZh: '请求中数组和对象的嵌套层数',
    });
  }
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query'): z.output<S> {
  refuseIllFormedText(input, where);
  return validate(schema, input, where);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON body, validated. Malformed JSON or UTF-8 is 400 too. (Its content type is checked by edge-guard.ts.) */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', { reason: 'the body is not valid UTF-8', reasonZh: '请求内容不是有效的 UTF-8 文本' });
  }
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new AppError('BAD_REQUEST', { reason: 'malformed JSON' });
  }
  checkJsonDepth(input);
  // Strict UTF-8 decoding leaves \uD800-\uDFFF escapes as the only way in: without one, skip the walk (a 10k-row paste).
  if (/\\u[dD][89a-fA-F]/.test(text)) refuseIllFormedText(input, 'body');
  return validate(schema, input, 'body');
}

export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'query');
}
