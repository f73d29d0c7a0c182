// Wire: names (shared/API.md).
import { z } from 'zod';

/** Names of workbooks, tables and fields: every character but { } [ ] (checked by the server with INVALID_NAME). */
export const NameSchema = z.string().max(200);
