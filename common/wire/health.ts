// Wire: health (shared/API.md).
import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({ dialect: z.string(), file: z.string() }),
  workbooks: z.number().int(),
  tables: z.number().int(),
  rows: z.number().int(),
});
export type Health = z.infer<typeof HealthSchema>;
