import { useI18n } from 'vue-i18n';
import { type CellRefusal, refusalText } from '../../common';
import { isLanguage } from '../i18n/locale';

/** Why a cell refused a text (common/'s wording, the server's too), in the language the app shows now. */
export function useRefusalText(): (reason: CellRefusal, value?: string) => string {
  const { locale } = useI18n();
  return (reason, value) => refusalText(reason, isLanguage(locale.value) ? locale.value : 'en', value);
}
