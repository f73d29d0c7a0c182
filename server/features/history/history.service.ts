// The operation log: every data and schema edit with its inverse, kept in the database (survives restarts).
import type { Executor } from '../../db/database';
import { nowIso } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../http/app-error';
import type { WriteResult } from '../../wire';
import { getWorkbook } from '../meta';
import { ChangeCollector } from '../recompute/changes';
import { applyOperation } from './apply';
import type { Description, Operation } from './operation';

/** Records an edit; a new edit drops what could be redone. */
export async function recordOperation(db: Executor, workbookId: string, description: Description, forward: Operation, inverse: Operation): Promise<void> {
  await db.deleteFrom('operations').where('workbook_id', '=', workbookId).where('undone', '=', 1).execute();
  await db
    .insertInto('operations')
    .values({
      workbook_id: workbookId,
      description: JSON.stringify(description),
      forward: JSON.stringify(forward),
      inverse: JSON.stringify(inverse),
      undone: 0,
      created_at: nowIso(),
    })
    .execute();
}

export interface UndoOutcome {
  result: WriteResult;
  description: Description;
}

/** Undoes the latest edit of a workbook (or redoes the latest undone one). 409 UNDO_EMPTY when there is none. */
export async function undoOrRedo(db: Executor, workbookId: string, direction: 'undo' | 'redo'): Promise<UndoOutcome> {
  return inTransaction(db, async (trx) => {
    await getWorkbook(trx, workbookId);
    const base = trx.selectFrom('operations').selectAll().where('workbook_id', '=', workbookId);
    const op =
      direction === 'undo'
        ? await base.where('undone', '=', 0).orderBy('id', 'desc').executeTakeFirst()
        : await base.where('undone', '=', 1).orderBy('id', 'asc').executeTakeFirst();
    if (!op) throw new AppError('UNDO_EMPTY', direction === 'redo' ? { redo: true } : {});
    const collector = new ChangeCollector();
    const operation = JSON.parse(direction === 'undo' ? op.inverse : op.forward) as Operation;
    await applyOperation(trx, workbookId, operation, collector);
    await trx.updateTable('operations').set({ undone: direction === 'undo' ? 1 : 0 }).where('id', '=', op.id).execute();
    return { result: collector.result(), description: JSON.parse(op.description) as Description };
  });
}
