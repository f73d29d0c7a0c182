// The durability promise of README.md ("Durability"): a commit that answered survives a power cut.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './connection';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'segsheet-conn-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openSqlite', () => {
  it('writes ahead (WAL) and syncs the log on every commit (synchronous=FULL), with foreign keys on', async () => {
    const { db, sqlite } = openSqlite(path.join(dir, 'segsheet.db'));
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      // 0 OFF, 1 NORMAL (a power cut may drop the last commits in WAL mode), 2 FULL, 3 EXTRA.
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});
