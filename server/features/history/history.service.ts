// Undo and redo over the operation log (recorded by record-operation.ts, which the services that edit import:
// they are what undo applies, so the log's writer must not import them back).
import type { Executor } from '../../db/database';
import { AppError } from '../../http/app-error';
import type { WriteResult } from '../../../common';
import { getWorkbook } from '../meta';
import { ChangeCollector } from '../recompute/changes';
import { applyOperation } from './apply';
import type { Description, Operation } from './operation';
import { transact } from '../recompute/column-cache';

export interface UndoOutcome {
  result: WriteResult;
  description: Description;
}

/** Undoes the latest edit of a workbook (or redoes the latest undone one). 409 UNDO_EMPTY when there is none. */
export async function undoOrRedo(db: Executor, workbookId: string, direction: 'undo' | 'redo'): Promise<UndoOutcome> {
  return transact(db, async (trx) => {
    await getWorkbook(trx, workbookId);
    const base = trx.selectFrom('operations').selectAll().where('workbook_id', '=', workbookId);
    const candidates =
      direction === 'undo'
        ? await base.where('undone', '=', 0).orderBy('id', 'desc').limit(MAX_STEP_OPERATIONS).execute()
        : await base.where('undone', '=', 1).orderBy('id', 'asc').limit(MAX_STEP_OPERATIONS).execute();
    const ops = sameStep(candidates);
    if (ops.length === 0) throw new AppError('UNDO_EMPTY', direction === 'redo' ? { redo: true } : {});
    const collector = new ChangeCollector();
    for (const op of ops) {
      const operation = JSON.parse(direction === 'undo' ? op.inverse : op.forward) as Operation;
      await applyOperation(trx, workbookId, operation, collector);
      await trx.updateTable('operations').set({ undone: direction === 'undo' ? 1 : 0 }).where('id', '=', op.id).execute();
    }
    return { result: collector.result(), description: stepDescription(ops.map((op) => JSON.parse(op.description) as Description)) };
  });
}

/** Most operations one step takes back at once (a paste of 10M rows in batches of 10,000). */
const MAX_STEP_OPERATIONS = 1000;

/** The first operation and those right after it (in the order given) that share its step. */
function sameStep<T extends { step: string | null }>(ops: readonly T[]): T[] {
  const first = ops[0];
  if (!first) return [];
  if (first.step === null) return [first];
  const out: T[] = [];
  for (const op of ops) {
    if (op.step !== first.step) break;
    out.push(op);
  }
  return out;
}

function stepDescription(all: readonly Description[]): Description {
  const first = all[0] ?? { en: '', zh: '' };
  if (all.length === 1) return first;
  const more = all.length - 1;
  return { en: `${first.en} and ${more} more ${more === 1 ? 'edit' : 'edits'}`, zh: `${first.zh}等 ${all.length} 项修改` };
}
