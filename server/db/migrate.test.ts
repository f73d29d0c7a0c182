// Migrations run on databases made by earlier versions: an existing file is brought up to date at start and
// keeps what it held (here: workbooks made before they had positions keep their creation order).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './connection';
import { migrateToLatest } from './migrate';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-pending-imports';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-migrate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('brings a database of an earlier version up to date, keeping its workbooks in creation order', async () => {
    const file = path.join(dir, 'old.db');
    const old = openSqlite(file);
    const earlier = new Migrator({ db: old.db, provider: { getMigrations: async () => ({ '0001-initial': m0001, '0002-pending-imports': m0002 }) } });
    expect((await earlier.migrateToLatest()).error).toBeUndefined();
    const insert = old.sqlite.prepare('insert into workbooks (id, name, language, created_at, updated_at) values (?, ?, ?, ?, ?)');
    insert.run('w_b', 'second', 'en', '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z');
    insert.run('w_a', 'first', 'en', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
    await old.db.destroy();

    const now = openSqlite(file);
    try {
      await migrateToLatest(now.db);
      const rows = await now.db.selectFrom('workbooks').select(['id', 'position']).orderBy('position').execute();
      expect(rows).toEqual([
        { id: 'w_a', position: 0 },
        { id: 'w_b', position: 1 },
      ]);
      await migrateToLatest(now.db);
      expect(await now.db.selectFrom('workbooks').select('name').orderBy('position').execute()).toEqual([{ name: 'first' }, { name: 'second' }]);
    } finally {
      await now.db.destroy();
    }
  });
});
