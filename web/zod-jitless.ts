// Imported first by main.ts: zod must not probe for eval support with `Function('')` (templates are parsed with zod
// when the app loads). Our CSP has no 'unsafe-eval' (server/http/edge-guard.ts), so the probe is a CSP violation.
import { z } from 'zod';

z.config({ jitless: true });
