// openSegsheet: the data folder, the SQLite file, migrations, the demo workbook on first start, and the API app.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from './app';
import { openReader, openSqlite } from './db/connection';
import type { Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedDemoOnFirstStart } from './features/demo/demo.seed';
import { dropUnfinishedFillColumns } from './features/fields/unfinished-fills';
import { catchUpToday, scheduleMidnight } from './features/recompute/midnight';
import { stopScanWorker } from './features/summaries/scan-pool';

export interface SegsheetOptions {
  dataDir: string;
  /** Seed the demo workbook on first start (default true). */
  seedDemo?: boolean;
  /** Host names answered beyond the loopback ones (runtime-env.ts `allowedHosts`). */
  allowedHosts?: readonly string[];
}

export interface Segsheet {
  app: Hono;
  dbFile: string;
  close(): Promise<void>;
}

async function readVersion(): Promise<string> {
  const text = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  const pkg = JSON.parse(text) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export async function openSegsheet(options: SegsheetOptions): Promise<Segsheet> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, 'segsheet.db');
  const { db } = openSqlite(dbFile);
  let readDb: Kysely<Database>;
  try {
    await migrateToLatest(db);
    await dropUnfinishedFillColumns(db);
    if (options.seedDemo !== false) await seedDemoOnFirstStart(db);
    await catchUpToday(db);
    readDb = openReader(dbFile).db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const app = createApp({ db, readDb, dbFile, version: await readVersion(), allowedHosts: options.allowedHosts ?? [] });
  const stopMidnight = scheduleMidnight(db, (error) => console.error('[segsheet] midnight recompute failed:', error));
  let closing: Promise<void> | undefined;
  return {
    app,
    dbFile,
    close: () => {
      stopMidnight();
      closing ??= stopScanWorker(dbFile).then(async () => {
        await readDb.destroy();
        await db.destroy();
      });
      return closing;
    },
  };
}
