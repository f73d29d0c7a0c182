// Errors of applying a template that name its inputs the way the user sees them.
import { AppError } from '../../http/app-error';

/** 422 TEMPLATE_INPUT_MISSING naming the inputs in both languages (`keys` stays machine-readable). */
export function inputMissing(keys: readonly string[], inputs: readonly { key: string; name: { zh: string; en: string } }[], extra: Record<string, unknown> = {}): AppError {
  const name = (k: string, lang: 'zh' | 'en'): string => inputs.find((i) => i.key === k)?.name[lang] ?? k;
  return new AppError('TEMPLATE_INPUT_MISSING', {
    keys: [...keys],
    inputs: keys.map((k) => name(k, 'en')).join(', '),
    inputsZh: keys.map((k) => name(k, 'zh')).join('、'),
    ...extra,
  });
}
