// Error values with a message in both languages. Run-time problems are values, never exceptions
// (FORMULAS.md "Errors at save time"), so every failing path of the library builds one of these.
import { ErrorValue, type ErrorCode } from './values';

export function makeError(code: ErrorCode, en: string, zh: string): ErrorValue {
  return new ErrorValue(code, { en, 'zh-CN': zh });
}

/** Shared instances for the common cases: built once, compared by code, never mutated. */
export const DIV0 = makeError('#DIV/0!', 'Division by zero.', '除数为零。');
export const NUM = makeError('#NUM!', 'The result is not a valid number.', '结果不是有效的数字。');
export const NA = makeError('#N/A', 'No value is available.', '没有可用的值。');
export const NOT_FOUND = makeError('#N/A', 'The value was not found.', '未找到该值。');
export const TOO_LONG = makeError(
  '#VALUE!',
  'Text longer than 32,767 characters.',
  '文本超过 32,767 个字符。',
);
export const MISMATCHED_COLUMNS = makeError(
  '#VALUE!',
  'The columns have different numbers of rows.',
  '这些列的行数不同。',
);

export function notANumber(text: string): ErrorValue {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return makeError('#VALUE!', `"${shown}" is not a number.`, `“${shown}”不是数字。`);
}

export function notABoolean(text: string): ErrorValue {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return makeError('#VALUE!', `"${shown}" is not TRUE or FALSE.`, `“${shown}”不是 TRUE 或 FALSE。`);
}

export function badArgument(fn: string, en: string, zh: string, code: ErrorCode = '#VALUE!'): ErrorValue {
  return makeError(code, `${fn}: ${en}`, `${fn}：${zh}`);
}

/** Default messages when an error value carries none (toCellValue). */
export const DEFAULT_MESSAGES: Record<ErrorCode, { en: string; 'zh-CN': string }> = {
  '#DIV/0!': { en: 'Division by zero.', 'zh-CN': '除数为零。' },
  '#VALUE!': { en: 'A value has the wrong type.', 'zh-CN': '值的类型不正确。' },
  '#NAME?': { en: 'Unknown name.', 'zh-CN': '未知的名称。' },
  '#REF!': { en: 'Invalid reference.', 'zh-CN': '无效的引用。' },
  '#NUM!': { en: 'The result is not a valid number.', 'zh-CN': '结果不是有效的数字。' },
  '#N/A': { en: 'No value is available.', 'zh-CN': '没有可用的值。' },
  '#CYCLE!': { en: 'The formula depends on itself.', 'zh-CN': '公式引用了自身。' },
};

export const MAX_TEXT = 32_767;
