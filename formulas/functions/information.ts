// Information functions: they look at a value's kind and never propagate its error.
// Dates are numbers underneath (settled 3), so ISNUMBER of a date is TRUE.
import { NA as NA_ERROR } from '../eval/errors';
import { DateValue, ErrorValue, type Value } from '../eval/values';
import { always, docs, value, valueAt } from './args';
import { defineFunction, type FunctionDef } from './define';

interface InfoDoc {
  readonly en: string;
  readonly zh: string;
  readonly exampleEn: string;
  readonly exampleZh?: string;
}

function predicate(name: string, test: (v: Value) => boolean, doc: InfoDoc): FunctionDef {
  return defineFunction({
    name,
    category: 'information',
    params: [value('value')],
    minArgs: 1,
    maxArgs: 1,
    returns: always('boolean'),
    columnWide: false,
    call: (args, row) => test(valueAt(args[0], row)),
    docs: docs(
      { summary: doc.en, syntax: `${name}(value)`, example: doc.exampleEn },
      { summary: doc.zh, syntax: `${name}(值)`, example: doc.exampleZh ?? doc.exampleEn },
    ),
  });
}

const isError = (v: Value): v is ErrorValue => v instanceof ErrorValue;

const NA = defineFunction({
  name: 'NA',
  category: 'information',
  params: [],
  minArgs: 0,
  maxArgs: 0,
  returns: always('mixed'),
  columnWide: false,
  call: () => NA_ERROR,
  docs: docs(
    { summary: 'Returns the #N/A error value ("no value available").', syntax: 'NA()', example: 'ISNA(NA()) → TRUE' },
    { summary: '返回错误值 #N/A（“没有可用的值”）。', syntax: 'NA()', example: 'ISNA(NA()) → TRUE' },
  ),
});

export const informationFunctions: readonly FunctionDef[] = [
  predicate('ISBLANK', (v) => v === null, {
    en: 'TRUE when the value is blank (an empty cell; "" is not blank).',
    zh: '值为空（空单元格；"" 不算空）时返回 TRUE。',
    exampleEn: 'ISBLANK({City}) → FALSE',
    exampleZh: 'ISBLANK({城市}) → FALSE',
  }),
  predicate('ISNUMBER', (v) => typeof v === 'number' || v instanceof DateValue, {
    en: 'TRUE when the value is a number or a date.',
    zh: '值为数字或日期时返回 TRUE。',
    exampleEn: 'ISNUMBER({Joined}) → TRUE',
    exampleZh: 'ISNUMBER({注册日期}) → TRUE',
  }),
  predicate('ISTEXT', (v) => typeof v === 'string', {
    en: 'TRUE when the value is text.',
    zh: '值为文本时返回 TRUE。',
    exampleEn: 'ISTEXT({City}) → TRUE',
    exampleZh: 'ISTEXT({城市}) → TRUE',
  }),
  predicate('ISLOGICAL', (v) => typeof v === 'boolean', {
    en: 'TRUE when the value is TRUE or FALSE.',
    zh: '值为 TRUE 或 FALSE 时返回 TRUE。',
    exampleEn: 'ISLOGICAL({Sales}>100) → TRUE',
    exampleZh: 'ISLOGICAL({销售额}>100) → TRUE',
  }),
  predicate('ISERROR', isError, {
    en: 'TRUE when the value is any error.',
    zh: '值为任意错误时返回 TRUE。',
    exampleEn: 'ISERROR(1/0) → TRUE',
  }),
  predicate('ISERR', (v) => isError(v) && v.code !== '#N/A', {
    en: 'TRUE when the value is an error other than #N/A.',
    zh: '值为 #N/A 以外的错误时返回 TRUE。',
    exampleEn: 'ISERR(NA()) → FALSE',
  }),
  predicate('ISNA', (v) => isError(v) && v.code === '#N/A', {
    en: 'TRUE when the value is the #N/A error.',
    zh: '值为 #N/A 错误时返回 TRUE。',
    exampleEn: 'ISNA(NA()) → TRUE',
  }),
  NA,
];
