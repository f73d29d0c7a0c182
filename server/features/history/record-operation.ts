// The operation log: every data and schema edit with its inverse, kept in the database (survives restarts).
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/ids';
import type { Description, Operation } from './operation';

/** Records an edit; a new edit drops what could be redone. */
export async function recordOperation(
  db: Executor,
  workbookId: string,
  description: Description,
  forward: Operation,
  inverse: Operation,
  step: string | null = null,
): Promise<void> {
  await db.deleteFrom('operations').where('workbook_id', '=', workbookId).where('undone', '=', 1).execute();
  await db
    .insertInto('operations')
    .values({
      workbook_id: workbookId,
      description: JSON.stringify(description),
      forward: JSON.stringify(forward),
      inverse: JSON.stringify(inverse),
      undone: 0,
      step,
      created_at: nowIso(),
    })
    .execute();
}
