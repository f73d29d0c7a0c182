// Frozen in time: never edit, add a new migration instead.
// Earlier versions stored any "YYYY-MM-DD" as a workbook's as-of date, real or not (2024-02-30, 0000-00-00), and
// every TODAY() formula of such a workbook then failed. Those dates go back to null: the workbook follows today.
// The check is SQLite's own, frozen with the migration: date() rolls 2024-02-30 over to 2024-03-01, so a real day
// is one that comes back unchanged; the formulas' calendar starts in 1900 (and has Excel's 1900-02-29).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// The tables as this migration sees them (frozen with it: the current Database type changes later).
interface Db0005 {
  workbooks: { id: string; as_of: string | null };
}

export async function up(db: Kysely<Db0005>): Promise<void> {
  await db
    .updateTable('workbooks')
    .set({ as_of: null })
    .where('as_of', 'is not', null)
    .where('as_of', '<>', '1900-02-29')
    .where(sql<boolean>`(date(as_of) is not as_of or as_of < '1900-01-01' or as_of > '9999-12-31')`)
    .execute();
}

// Nothing to bring back: the impossible dates were not dates.
export async function down(): Promise<void> {}
