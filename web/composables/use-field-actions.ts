import { useI18n } from 'vue-i18n';
import { getApi, isApiError } from '../api/client';
import type { Field, FieldInput, FieldPatch, FieldType } from '../api/types';
import { formulaDependents } from '../formula/dependents';
import { lossySamples, useFieldUiStore } from '../stores/field-ui';
import { useGridStore } from '../stores/grid';
import { useNotifyStore } from '../stores/notify';
import { useSchemaStore } from '../stores/schema';
import { useWorkbookStore } from '../stores/workbook';
import { useGuard } from './use-guard';
import { usePrompt } from './use-prompt';

/** Field changes from the header menu and field dialog, with errors shown in the user's language. */
export function useFieldActions() {
  const wb = useWorkbookStore();
  const ui = useFieldUiStore();
  const grid = useGridStore();
  const notify = useNotifyStore();
  const prompt = usePrompt();
  const schema = useSchemaStore();
  const { t } = useI18n();

  /** The delete question, naming the formula fields (of any table) the deletion breaks. */
  async function deleteQuestion(f: Field): Promise<string> {
    // The other tables' fields may have changed since they were last read; without them, list this table's.
    await schema.load().catch(() => undefined);
    const tables = [...(wb.table ? [wb.table] : []), ...schema.others.filter((x) => x.id !== wb.table?.id)];
    const used = formulaDependents(tables, { tableId: f.tableId, fieldId: f.id });
    if (used.length === 0) return t('field.confirmDelete', { name: f.name });
    const names = used.map((d) => (d.tableId === f.tableId ? d.fieldName : t('field.dependentInTable', { field: d.fieldName, table: d.tableName })));
    return t('field.confirmDeleteUsed', { name: f.name, fields: names.join(t('field.listSeparator')) }, used.length);
  }

  const guard = useGuard();

  /** PATCH a field; a lossy retype asks first (showing the values that will not convert). */
  async function patch(field: Field, body: FieldPatch): Promise<Field | null> {
    try {
      return await getApi().patchField(field.id, body);
    } catch (e) {
      if (!isApiError(e) || e.code !== 'TYPE_CHANGE_LOSSY' || !body.type) throw e;
      const { count, samples } = lossySamples(e.details);
      const go = await ui.askLossy({ fieldName: field.name, typeLabel: t(`fieldType.${body.type}`), count, samples });
      if (!go) return null;
      return await getApi().patchField(field.id, { ...body, confirm: true });
    }
  }

  async function save(field: Field, body: FieldPatch, reload: boolean): Promise<boolean> {
    const updated = await patch(field, body);
    if (!updated) return false;
    wb.setField(updated);
    if (reload) grid.reload();
    return true;
  }

  async function reorder(order: string[]): Promise<void> {
    if (!wb.table) return;
    const tableId = wb.table.id;
    wb.orderFields(order);
    await guard(async () => {
      await getApi().patchTable(tableId, { fieldOrder: order });
    });
  }

  function move(field: Field, delta: -1 | 1): Promise<void> {
    const ids = wb.fields.map((f) => f.id);
    const i = ids.indexOf(field.id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return Promise.resolve();
    const a = ids[i];
    const b = ids[j];
    if (a === undefined || b === undefined) return Promise.resolve();
    ids[i] = b;
    ids[j] = a;
    return reorder(ids);
  }

  return {
    save,
    reorder,
    moveLeft: (f: Field) => move(f, -1),
    moveRight: (f: Field) => move(f, 1),
    async create(input: FieldInput): Promise<Field> {
      if (!wb.table) throw new Error('no table open');
      const f = await getApi().createField(wb.table.id, input);
      wb.setField(f);
      if (f.type === 'formula') grid.reload();
      setTimeout(() => {
        const g = grid.api;
        if (g && !g.isDestroyed() && g.getColumn(f.id)) g.ensureColumnVisible(f.id);
      }, 300);
      return f;
    },
    rename: (f: Field) =>
      guard(async () => {
        const name = await prompt.ask(t('field.renamePrompt'), f.name);
        if (name && name !== f.name) await save(f, { name }, false);
      }),
    describe: (f: Field) =>
      guard(async () => {
        const description = await prompt.askOptional(t('field.describePrompt', { name: f.name }), f.description ?? '');
        if (description !== null) await save(f, { description }, false);
      }),
    retype: (f: Field, type: FieldType) =>
      guard(async () => {
        if (type !== f.type) await save(f, { type }, true);
      }),
    setHidden: (f: Field, hidden: boolean) => guard(async () => void (await save(f, { hidden }, false))),
    remove: (f: Field) =>
      guard(async () => {
        if (!(await prompt.confirm(await deleteQuestion(f)))) return;
        await getApi().deleteField(f.id);
        wb.removeField(f.id);
        grid.reload();
        notify.info(t('field.deleted', { name: f.name }));
      }),
  };
}
