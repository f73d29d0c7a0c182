import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { FormulaSchema } from '../../formulas';
import { getApi } from '../api/client';
import type { Table } from '../api/types';
import { toSchema } from '../components/formula/formula-lang';
import { useWorkbookStore } from './workbook';

/** Every table of the workbook with its fields, for the formula checker (cross-table references). */
export const useSchemaStore = defineStore('schema', () => {
  const others = ref<Table[]>([]);

  /** Load the fields of the workbook's other tables (the open one comes from the workbook store). */
  async function load(): Promise<void> {
    const wb = useWorkbookStore();
    const ids = wb.tables.map((t) => t.id).filter((id) => id !== wb.table?.id);
    const loaded = await Promise.all(ids.map((id) => getApi().getTable(id).catch(() => null)));
    others.value = loaded.filter((t): t is Table => t !== null);
  }

  const schema = computed<FormulaSchema>(() => {
    const wb = useWorkbookStore();
    const current = wb.table ? [wb.table] : [];
    return toSchema([...current, ...others.value.filter((t) => t.id !== wb.table?.id)]);
  });

  return { others, schema, load };
});
