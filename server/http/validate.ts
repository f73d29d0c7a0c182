// Request bodies and queries through zod: a failure is 400 BAD_REQUEST with details.issues.
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from './app-error';

export interface Issue {
  path: string;
  message: string;
  code: string;
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('BAD_REQUEST', { reason: `invalid ${where}`, issues: issuesOf(parsed.error) });
  return parsed.data;
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
  return parseWith(schema, input, 'body');
}

export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'query');
}
