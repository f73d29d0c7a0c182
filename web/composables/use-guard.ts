import { useNotifyStore } from '../stores/notify';
import { useErrorText } from './use-error-text';

/** Runs a user action; a failure becomes an error notice in the user's language instead of an unhandled rejection. */
export function useGuard(): (fn: () => Promise<void>) => Promise<void> {
  const notify = useNotifyStore();
  const errorText = useErrorText();
  return async (fn) => {
    try {
      await fn();
    } catch (e) {
      notify.error(errorText(e));
    }
  };
}
