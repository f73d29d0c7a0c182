import { useI18n } from 'vue-i18n';
import { useNotifyStore } from '../stores/notify';
import { useWorkbookStore } from '../stores/workbook';
import { useGuard } from './use-guard';
import { usePrompt } from './use-prompt';

/** Workbook open / create / rename / move / delete, asking the user first and showing errors in their language. */
export function useWorkbookActions() {
  const wb = useWorkbookStore();
  const notify = useNotifyStore();
  const { t } = useI18n();
  const prompt = usePrompt();

  const guard = useGuard();

  return {
    open: (id: string) => guard(async () => {
      if (id !== wb.workbook?.id) await wb.openWorkbook(id, null);
    }),
    create: () =>
      guard(async () => {
        const name = await prompt.ask(t('workbook.namePrompt'), t('workbook.defaultName'));
        if (name) await wb.createWorkbook(name);
      }),
    rename: () =>
      guard(async () => {
        const current = wb.workbook?.name ?? '';
        const name = await prompt.ask(t('workbook.namePrompt'), current);
        if (name && name !== current) await wb.renameWorkbook(name);
      }),
    move: (delta: -1 | 1) => guard(() => wb.moveWorkbook(delta)),
    remove: () =>
      guard(async () => {
        const name = wb.workbook?.name ?? '';
        if (!(await prompt.confirm(t('workbook.confirmDelete', { name })))) return;
        await wb.deleteWorkbook();
        notify.info(t('workbook.deleted', { name }));
      }),
  };
}
