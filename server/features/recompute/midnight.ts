// Workbooks that follow today's date (asOf null): what uses TODAY() is recomputed when the day changes —
// at start when the server was down over midnight, and at each midnight while it runs.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { recomputeWorkbook, todayIso } from './recompute.service';
import { transact } from './column-cache';

const KEY = 'today';

export async function catchUpToday(db: Kysely<Database>): Promise<number> {
  const today = todayIso();
  const last = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (last?.value === today) return 0;
  const workbooks = await db.selectFrom('workbooks').select('id').where('as_of', 'is', null).where('deleted_at', 'is', null).execute();
  for (const wb of workbooks) await transact(db, (trx) => recomputeWorkbook(trx, wb.id, { onlyToday: true }));
  await db
    .insertInto('settings')
    .values({ key: KEY, value: today })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: today }))
    .execute();
  return workbooks.length;
}

/** Schedules the midnight recompute; answers a function that stops it. */
export function scheduleMidnight(db: Kysely<Database>, onError: (error: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    timer = setTimeout(() => {
      catchUpToday(db).catch(onError).finally(arm);
    }, next.getTime() - now.getTime());
    timer.unref();
  };
  arm();
  return () => {
    if (timer) clearTimeout(timer);
  };
}
