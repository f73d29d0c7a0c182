// Why a cell refused a text, in words: the same sentence in the API's answer, the import's bad rows, the grid's
// notice after typing and the paste report.
import type { Language } from '../../formulas';
import type { CellRefusal } from './cell-text';
import { DATE_FORMS } from './date-text';
import { MAX_SIGNIFICANT_DIGITS } from './number-text';

interface Wording {
  /** On its own, as in a "Problem" column beside the value. */
  alone: string;
  /** After the quoted value. */
  about: (quoted: string) => string;
}

const DATES_EN = `${DATE_FORMS.slice(0, -1).join(', ')} or ${DATE_FORMS[DATE_FORMS.length - 1] ?? ''}`;
const DATES_ZH = `${DATE_FORMS.slice(0, -1).join('、')} 或 ${DATE_FORMS[DATE_FORMS.length - 1] ?? ''}`;
const N = MAX_SIGNIFICANT_DIGITS;

const WORDING: { readonly [R in CellRefusal]: Readonly<Record<Language, Wording>> } = {
  notNumber: {
    en: { alone: 'Not a number', about: (v) => `${v} is not a number` },
    'zh-CN': { alone: '不是数字', about: (v) => `${v}不是数字` },
  },
  leadingZero: {
    en: {
      alone: 'Starts with 0, so it is a code, not a number: keep it in a text field',
      about: (v) => `${v} starts with 0, so it is a code, not a number: keep it in a text field`,
    },
    'zh-CN': { alone: '以 0 开头，是编码而不是数字：请用文本字段保存', about: (v) => `${v}以 0 开头，是编码而不是数字：请用文本字段保存` },
  },
  tooManyDigits: {
    en: {
      alone: `More than ${N} digits, which a number cannot hold exactly: keep it in a text field`,
      about: (v) => `${v} has more than ${N} digits, which a number cannot hold exactly: keep it in a text field`,
    },
    'zh-CN': {
      alone: `超过 ${N} 位数字，数字无法精确保存：请用文本字段保存`,
      about: (v) => `${v}超过 ${N} 位数字，数字无法精确保存：请用文本字段保存`,
    },
  },
  notDate: {
    en: { alone: `Not a date (use ${DATES_EN})`, about: (v) => `${v} is not a date (use ${DATES_EN})` },
    'zh-CN': { alone: `不是日期（可用 ${DATES_ZH}）`, about: (v) => `${v}不是日期（可用 ${DATES_ZH}）` },
  },
  notBoolean: {
    en: { alone: 'Not yes/no (use TRUE/FALSE, yes/no, 是/否 or 1/0)', about: (v) => `${v} is not yes/no (use TRUE/FALSE, yes/no, 是/否 or 1/0)` },
    'zh-CN': { alone: '不是“是/否”值（可用 是/否、TRUE/FALSE 或 1/0）', about: (v) => `${v}不是“是/否”值（可用 是/否、TRUE/FALSE 或 1/0）` },
  },
};

/** A value as each language quotes it: "abc" and “abc” (numbers and booleans as they are written). */
function quoted(value: string | number | boolean, lang: Language): string {
  if (typeof value !== 'string') return String(value);
  return lang === 'zh-CN' ? `“${value}”` : JSON.stringify(value);
}

/** Why `value` (when given, quoted first) cannot go into the cell, in the reader's language. */
export function refusalText(reason: CellRefusal, lang: Language, value?: string | number | boolean): string {
  const w = WORDING[reason][lang];
  return value === undefined ? w.alone : w.about(quoted(value, lang));
}
