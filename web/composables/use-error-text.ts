import { useI18n } from 'vue-i18n';
import { errorText } from './error-text';

export function useErrorText(): (e: unknown) => string {
  const { t, te } = useI18n();
  return (e: unknown) => errorText(e, (k, n) => t(k, n ?? {}), (k) => te(k));
}
