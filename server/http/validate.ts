// Request bodies and queries through zod: a failure is 400 BAD_REQUEST with details.issues.
import type { Context } from 'hono';
import type { z } from 'zod';
import { MAX_JSON_DEPTH } from '../wire';
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

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query'): z.output<S> {
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

/** The JSON body, validated. Malformed JSON is 400 too. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new AppError('BAD_REQUEST', { reason: 'malformed JSON' });
  }
  checkJsonDepth(input);
  return parseWith(schema, input, 'body');
}

export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'query');
}
