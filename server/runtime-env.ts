import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { allowedHostEntry } from './http/edge-guard';

/** The project folder: data, the web build and the sources are found from here, not from the cwd. */
export const projectRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SEGSHEET_DATA_DIR: z.string().min(1).optional(),
  SEGSHEET_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const entries: string[] = [];
      for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
        const entry = allowedHostEntry(part);
        if (entry === null) ctx.addIssue({ code: 'custom', message: `"${part}" is not a host name (example: segsheet.lan,.corp.example)` });
        else entries.push(entry);
      }
      return entries;
    }),
});

/** Addresses that mean "every interface": no host name of their own to allow. */
const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]']);

export interface RuntimeEnv {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Host names the app answers beyond localhost, 127.0.0.1 and [::1]: SEGSHEET_ALLOWED_HOSTS, and HOST when it is one address. */
  readonly allowedHosts: readonly string[];
}

/** Reads PORT, HOST, SEGSHEET_DATA_DIR and SEGSHEET_ALLOWED_HOSTS; a bad value stops the start with a message that names it. */
export function readRuntimeEnv(env: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Bad environment variable (环境变量有误): ${problems}`);
  }
  const { PORT, HOST, SEGSHEET_DATA_DIR, SEGSHEET_ALLOWED_HOSTS } = parsed.data;
  const listening = ANY_ADDRESS.has(HOST) ? null : allowedHostEntry(HOST);
  return {
    port: PORT,
    host: HOST,
    dataDir: path.resolve(SEGSHEET_DATA_DIR ?? path.join(projectRoot, 'data')),
    allowedHosts: [...SEGSHEET_ALLOWED_HOSTS, ...(listening !== null ? [listening] : [])],
  };
}
