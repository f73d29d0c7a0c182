// The Hono environment shared by every route: dependencies and the language of messages.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { MessageLanguage } from './app-error';
import type { ImportStore } from '../features/imports/imports.store';

export interface AppDeps {
  db: Kysely<Database>;
  /** A read-only connection for requests that only read: it does not wait for a transaction of `db`. */
  readDb?: Kysely<Database>;
  dbFile: string;
  version: string;
  /** Host names answered beyond localhost, 127.0.0.1 and [::1] (SEGSHEET_ALLOWED_HOSTS, HOST); ".x" takes x and its subdomains. */
  allowedHosts?: readonly string[];
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Uploads waiting for their commit (one store per app). */
    imports: ImportStore;
    /** The language of the workbook the request touches, set by routes once they know it. */
    workbookLanguage?: MessageLanguage;
  };
}
