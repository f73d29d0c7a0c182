// What the app is built from (createApp(deps)): its connections and settings, passed down to the services.
import type { Kysely } from 'kysely';
import type { Database } from './db/database';

export interface AppDeps {
  db: Kysely<Database>;
  /** A read-only connection for requests that only read: it does not wait for a transaction of `db`. */
  readDb?: Kysely<Database>;
  dbFile: string;
  version: string;
  /** Host names answered beyond localhost, 127.0.0.1 and [::1] (SEGSHEET_ALLOWED_HOSTS, HOST); ".x" takes x and its subdomains. */
  allowedHosts?: readonly string[];
}
