import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project folder: data, the web build and the sources are found from here, not from the cwd. */
export const projectRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  SEGSHEET_DATA_DIR: z.string().min(1).optional(),
});

export interface RuntimeEnv {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
}

/** Reads PORT, HOST and SEGSHEET_DATA_DIR; a bad value stops the start with a message that names it. */
export function readRuntimeEnv(env: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Bad environment variable (环境变量有误): ${problems}`);
  }
  const { PORT, HOST, SEGSHEET_DATA_DIR } = parsed.data;
  return {
    port: PORT,
    host: HOST,
    dataDir: path.resolve(SEGSHEET_DATA_DIR ?? path.join(projectRoot, 'data')),
  };
}
