import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { FormulaSchema } from '../../formulas';
import { getApi } from '../api/client';
import type { Table, TrashItem } from '../api/types';
import { toSchema } from '../formula/formula-lang';
import { useWorkbookStore } from './workbook';

/** Every table of the workbook with its fields, for the formula checker (cross-table references). */
export const useSchemaStore = defineStore('schema', () => {
  const others = ref<Table[]>([]);
  /** The workbook's trash, so a reference to a deleted field is reported as deleted (restorable). */
  const trash = ref<TrashItem[]>([]);

  /** Load the fields of the workbook's other tables (the open one comes from the workbook store) and the trash. */
  async function load(): Promise<void> {
    const wb = useWorkbookStore();
    const ids = wb.tables.map((t) => t.id).filter((id) => id !== wb.table?.id);
    const workbookId = wb.workbook?.id;
    const [loaded, trashed] = await Promise.all([
      Promise.all(ids.map((id) => getApi().getTable(id).catch(() => null))),
      // Without the trash the checker still works; it just can't say "deleted".
      workbookId ? getApi().trash(workbookId).catch(() => []) : Promise.resolve([]),
    ]);
    others.value = loaded.filter((t): t is Table => t !== null);
    trash.value = trashed;
  }

  /**
   * Re-read the workbook's tables and fields: another tab or person may have added the table or field a formula
   * names since this tab loaded them.
   */
  async function refresh(): Promise<void> {
    const wb = useWorkbookStore();
    const fieldIds = (): string => wb.table?.fields.map((f) => f.id).join() ?? '';
    const before = fieldIds();
    await wb.refreshWorkbook();
    await Promise.all([wb.refreshTableFields(), load()]);
    // A field added elsewhere gets its column; its cells come with the rows read again.
    if (fieldIds() !== before) wb.rowsEpoch++;
  }

  const schema = computed<FormulaSchema>(() => {
    const wb = useWorkbookStore();
    const current = wb.table ? [wb.table] : [];
    return toSchema([...current, ...others.value.filter((t) => t.id !== wb.table?.id)], trash.value);
  });

  return { others, trash, schema, load, refresh };
});
