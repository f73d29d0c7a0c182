import { useI18n } from 'vue-i18n';
import { useWorkbookStore } from '../stores/workbook';
import { useGuard } from './use-guard';
import { usePrompt } from './use-prompt';

/** Table create / rename / move / delete with the user's confirmation and errors shown in their language. */
export function useTableActions() {
  const wb = useWorkbookStore();
  const { t } = useI18n();
  const prompt = usePrompt();

  const guard = useGuard();

  return {
    open: (id: string) => guard(() => wb.openTable(id)),
    create: () =>
      guard(async () => {
        const name = await prompt.ask(t('table.namePrompt'), t('table.defaultName', { n: wb.tables.length + 1 }));
        if (name) await wb.createTable(name);
      }),
    rename: (id: string, current: string) =>
      guard(async () => {
        const name = await prompt.ask(t('table.namePrompt'), current);
        if (name && name !== current) await wb.renameTable(id, name);
      }),
    move: (id: string, delta: -1 | 1) => guard(() => wb.moveTable(id, delta)),
    remove: (id: string, name: string) =>
      guard(async () => {
        if (await prompt.confirm(t('table.confirmDelete', { name }))) await wb.deleteTable(id);
      }),
  };
}
