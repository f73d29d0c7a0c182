// Text functions. Positions and lengths count UTF-16 code units, as Excel does (an emoji is 2).
// Every function that grows text checks the 32,767-character limit BEFORE building the result.
import { badArgument, MAX_TEXT, TOO_LONG } from '../eval/errors';
import { concatText } from '../eval/operators';
import { compileWildcard, wildcardSearch } from '../eval/wildcards';
import { parseNumberText, toText } from '../types/coercion';
import { DateValue, ErrorValue, type Value } from '../eval/values';
import { always, docs, either, numberAt, optionalNumber, textAt, trunc, value, valueAt, rowFunction, type RowFunctionDoc } from './args';
import type { Column, EvalContext } from '../eval/context';
import { defineFunction, type Arg, type FunctionDef, type ParamSpec } from './define';
import { formatTextWithCode, formatWithCode } from './text-format';


function textFunction(
  name: string,
  params: readonly ParamSpec[],
  minArgs: number,
  returns: 'text' | 'number' | 'boolean',
  call: (args: readonly Arg[], row: number) => Value,
  doc: RowFunctionDoc,
): FunctionDef {
  return rowFunction('text', name, params, minArgs, returns, call, doc);
}

/** A character count argument: truncated, negative is #VALUE!. */
function countAt(arg: Arg | undefined, row: number, fallback: number, fn: string): number | ErrorValue {
  const n = optionalNumber(arg, row, fallback);
  if (n instanceof ErrorValue) return n;
  if (n < 0) return badArgument(fn, 'the number of characters cannot be negative.', '字符数不能为负数。');
  return trunc(n);
}

/** A column joined into one text, once per evaluation; #VALUE! as soon as it passes the limit. */
function columnText(column: Column, ctx: EvalContext | undefined): string | ErrorValue {
  const build = (): string | ErrorValue => {
    const parts: string[] = [];
    let length = 0;
    for (const v of column.values) {
      const t = toText(v);
      if (t instanceof ErrorValue) return t;
      length += t.length;
      if (length > MAX_TEXT) return TOO_LONG;
      parts.push(t);
    }
    return parts.join('');
  };
  return ctx === undefined ? build() : ctx.memo(`concat:${column.key}`, build);
}

/** Texts of every argument, columns included (CONCAT); the length limit is checked before joining. */
function concatArgs(args: readonly Arg[], row: number, ctx?: EvalContext): Value {
  const parts: string[] = [];
  for (const arg of args) {
    const t = arg.kind === 'column' ? columnText(arg.column, ctx) : toText(arg.eval(row));
    if (t instanceof ErrorValue) return t;
    parts.push(t);
  }
  return concatText(parts);
}

function finder(name: 'FIND' | 'SEARCH'): (args: readonly Arg[], row: number) => Value {
  return (args, row) => {
    const needle = textAt(args[0], row);
    if (needle instanceof ErrorValue) return needle;
    const haystack = textAt(args[1], row);
    if (haystack instanceof ErrorValue) return haystack;
    const start = optionalNumber(args[2], row, 1);
    if (start instanceof ErrorValue) return start;
    const from = trunc(start);
    if (from < 1 || from > haystack.length + 1) {
      return badArgument(name, 'start_num is outside the text.', '起始位置超出了文本范围。');
    }
    let index: number;
    if (name === 'FIND') index = haystack.indexOf(needle, from - 1);
    else {
      index = wildcardSearch(compileWildcard(needle), haystack, from - 1);
    }
    if (index === -1) return badArgument(name, `"${needle}" was not found.`, `未找到“${needle}”。`);
    return index + 1;
  };
}

function substitute(args: readonly Arg[], row: number): Value {
  const text = textAt(args[0], row);
  if (text instanceof ErrorValue) return text;
  const old = textAt(args[1], row);
  if (old instanceof ErrorValue) return old;
  const replacement = textAt(args[2], row);
  if (replacement instanceof ErrorValue) return replacement;
  let instance: number | undefined;
  if (args.length > 3) {
    const n = numberAt(args[3], row);
    if (n instanceof ErrorValue) return n;
    if (trunc(n) < 1) return badArgument('SUBSTITUTE', 'instance_num must be 1 or more.', '替换序号必须大于等于 1。');
    instance = trunc(n);
  }
  if (old === '') return text;
  const pieces = text.split(old);
  if (instance !== undefined) {
    if (instance >= pieces.length) return text;
    const length = text.length - old.length + replacement.length;
    if (length > MAX_TEXT) return TOO_LONG;
    return pieces.slice(0, instance).join(old) + replacement + pieces.slice(instance).join(old);
  }
  const length = text.length + (pieces.length - 1) * (replacement.length - old.length);
  if (length > MAX_TEXT) return TOO_LONG;
  return pieces.join(replacement);
}

function rept(args: readonly Arg[], row: number): Value {
  const text = textAt(args[0], row);
  if (text instanceof ErrorValue) return text;
  const n = numberAt(args[1], row);
  if (n instanceof ErrorValue) return n;
  if (n < 0) return badArgument('REPT', 'the number of times cannot be negative.', '重复次数不能为负数。');
  const times = trunc(n);
  // Checked before repeat() allocates anything: REPT("x", 1e9) must not build a gigabyte.
  if (text.length * times > MAX_TEXT || (text === '' && !Number.isFinite(times))) return TOO_LONG;
  return text.repeat(times);
}

function textOf(args: readonly Arg[], row: number): Value {
  const v = valueAt(args[0], row);
  if (v instanceof ErrorValue) return v;
  const format = textAt(args[1], row);
  if (format instanceof ErrorValue) return format;
  let x: number;
  if (typeof v === 'number') x = v;
  else if (v instanceof DateValue) x = v.serial;
  else if (v === null) x = 0;
  else if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  else {
    const n = parseNumberText(v);
    if (n === undefined) return formatTextWithCode(v, format);
    x = n;
  }
  if (!Number.isFinite(x)) return badArgument('TEXT', 'the number is not valid.', '数字无效。', '#NUM!');
  const out = formatWithCode(x, format);
  if (out === undefined) return badArgument('TEXT', 'the number is not a date Excel can show.', '该数字不是可显示的日期。');
  return out.length > MAX_TEXT ? TOO_LONG : out;
}

function valueOf(args: readonly Arg[], row: number): Value {
  const v = valueAt(args[0], row);
  if (v instanceof ErrorValue || typeof v === 'number') return v;
  if (v instanceof DateValue) return v.serial;
  if (v === null) return 0;
  if (typeof v === 'boolean') return badArgument('VALUE', 'TRUE and FALSE are not text.', 'TRUE 和 FALSE 不是文本。');
  const n = parseNumberText(v);
  return n === undefined ? badArgument('VALUE', `"${v.slice(0, 40)}" is not a number.`, `“${v.slice(0, 40)}”不是数字。`) : n;
}

function mapText(fn: (t: string) => string): (args: readonly Arg[], row: number) => Value {
  return (args, row) => {
    const t = textAt(args[0], row);
    return t instanceof ErrorValue ? t : fn(t);
  };
}

const CONCAT = defineFunction({
  name: 'CONCAT',
  category: 'text',
  params: [either('text', true)],
  minArgs: 1,
  maxArgs: 253,
  returns: always('text'),
  columnWide: false,
  call: concatArgs,
  docs: docs(
    { summary: 'Joins texts, whole columns included; dates read "YYYY-MM-DD".', syntax: 'CONCAT(text1, [text2], …)', example: 'CONCAT({City}, "-", {Joined}) → "Beijing-2024-01-31"' },
    { summary: '连接文本，可包含整列；日期按“YYYY-MM-DD”连接。', syntax: 'CONCAT(文本1, [文本2], …)', example: 'CONCAT({城市}, "-", {注册日期}) → "北京-2024-01-31"' },
  ),
});

const CONCATENATE = defineFunction({
  name: 'CONCATENATE',
  category: 'text',
  params: [{ name: 'text', kind: 'value', repeats: true }],
  minArgs: 1,
  maxArgs: 255,
  returns: always('text'),
  columnWide: false,
  call: concatArgs,
  docs: docs(
    { summary: 'Joins texts; dates read "YYYY-MM-DD".', syntax: 'CONCATENATE(text1, [text2], …)', example: 'CONCATENATE("No. ", 1/4) → "No. 0.25"' },
    { summary: '连接文本；日期按“YYYY-MM-DD”连接。', syntax: 'CONCATENATE(文本1, [文本2], …)', example: 'CONCATENATE("编号", 1/4) → "编号0.25"' },
  ),
});

export const textFunctions: readonly FunctionDef[] = [
  CONCAT,
  CONCATENATE,
  textFunction('LEFT', [value('text'), value('num_chars', true)], 1, 'text', (args, row) => {
    const t = textAt(args[0], row);
    if (t instanceof ErrorValue) return t;
    const n = countAt(args[1], row, 1, 'LEFT');
    return n instanceof ErrorValue ? n : t.slice(0, n);
  }, { en: 'The first characters of a text.', zh: '返回文本开头的若干字符。', syntaxEn: 'LEFT(text, [num_chars])', syntaxZh: 'LEFT(文本, [字符数])', exampleEn: 'LEFT("Beijing", 3) → "Bei"', exampleZh: 'LEFT("北京市", 2) → "北京"' }),
  textFunction('RIGHT', [value('text'), value('num_chars', true)], 1, 'text', (args, row) => {
    const t = textAt(args[0], row);
    if (t instanceof ErrorValue) return t;
    const n = countAt(args[1], row, 1, 'RIGHT');
    return n instanceof ErrorValue ? n : n === 0 ? '' : t.slice(-n);
  }, { en: 'The last characters of a text.', zh: '返回文本末尾的若干字符。', syntaxEn: 'RIGHT(text, [num_chars])', syntaxZh: 'RIGHT(文本, [字符数])', exampleEn: 'RIGHT("2024-Q3", 2) → "Q3"' }),
  textFunction('MID', [value('text'), value('start_num'), value('num_chars')], 3, 'text', (args, row) => {
    const t = textAt(args[0], row);
    if (t instanceof ErrorValue) return t;
    const start = numberAt(args[1], row);
    if (start instanceof ErrorValue) return start;
    if (trunc(start) < 1) return badArgument('MID', 'start_num must be 1 or more.', '起始位置必须大于等于 1。');
    const n = countAt(args[2], row, 0, 'MID');
    return n instanceof ErrorValue ? n : t.substr(trunc(start) - 1, n);
  }, { en: 'Characters from the middle of a text.', zh: '返回文本中间的若干字符。', syntaxEn: 'MID(text, start_num, num_chars)', syntaxZh: 'MID(文本, 起始位置, 字符数)', exampleEn: 'MID("SKU-1234-X", 5, 4) → "1234"' }),
  textFunction('LEN', [value('text')], 1, 'number', (args, row) => {
    const t = textAt(args[0], row);
    return t instanceof ErrorValue ? t : t.length;
  }, { en: 'The number of characters.', zh: '文本的字符数。', syntaxEn: 'LEN(text)', syntaxZh: 'LEN(文本)', exampleEn: 'LEN("Beijing") → 7', exampleZh: 'LEN("北京") → 2' }),
  textFunction('LOWER', [value('text')], 1, 'text', mapText((t) => t.toLowerCase()), { en: 'Converts to lower case.', zh: '转换为小写。', syntaxEn: 'LOWER(text)', syntaxZh: 'LOWER(文本)', exampleEn: 'LOWER("VIP") → "vip"' }),
  textFunction('UPPER', [value('text')], 1, 'text', mapText((t) => t.toUpperCase()), { en: 'Converts to upper case.', zh: '转换为大写。', syntaxEn: 'UPPER(text)', syntaxZh: 'UPPER(文本)', exampleEn: 'UPPER("vip") → "VIP"' }),
  textFunction('TRIM', [value('text')], 1, 'text', mapText((t) => t.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ')), { en: 'Removes leading and trailing spaces and collapses runs of spaces.', zh: '删除首尾空格，并把连续空格合并为一个。', syntaxEn: 'TRIM(text)', syntaxZh: 'TRIM(文本)', exampleEn: 'TRIM("  a   b ") → "a b"' }),
  textFunction('SUBSTITUTE', [value('text'), value('old_text'), value('new_text'), value('instance_num', true)], 3, 'text', substitute, { en: 'Replaces old text with new text (all occurrences, or only the n-th).', zh: '用新文本替换旧文本（全部替换，或只替换第 n 处）。', syntaxEn: 'SUBSTITUTE(text, old_text, new_text, [instance_num])', syntaxZh: 'SUBSTITUTE(文本, 旧文本, 新文本, [替换序号])', exampleEn: 'SUBSTITUTE("a-b-c", "-", "/") → "a/b/c"' }),
  textFunction('FIND', [value('find_text'), value('within_text'), value('start_num', true)], 2, 'number', finder('FIND'), { en: 'Position of a text inside another, case-sensitive; #VALUE! when absent.', zh: '查找文本的位置（区分大小写）；找不到时返回 #VALUE!。', syntaxEn: 'FIND(find_text, within_text, [start_num])', syntaxZh: 'FIND(要查找的文本, 所在文本, [起始位置])', exampleEn: 'FIND("b", "abcb", 3) → 4' }),
  textFunction('SEARCH', [value('find_text'), value('within_text'), value('start_num', true)], 2, 'number', finder('SEARCH'), { en: 'Position of a text inside another, case-insensitive, with wildcards * ? ~.', zh: '查找文本的位置（不区分大小写，支持通配符 * ? ~）。', syntaxEn: 'SEARCH(find_text, within_text, [start_num])', syntaxZh: 'SEARCH(要查找的文本, 所在文本, [起始位置])', exampleEn: 'SEARCH("J?N", "Beijing") → 4' }),
  textFunction('REPT', [value('text'), value('number_times')], 2, 'text', rept, { en: 'Repeats a text (the result is at most 32,767 characters).', zh: '重复文本（结果最多 32,767 个字符）。', syntaxEn: 'REPT(text, number_times)', syntaxZh: 'REPT(文本, 重复次数)', exampleEn: 'REPT("★", 3) → "★★★"' }),
  textFunction('EXACT', [value('text1'), value('text2')], 2, 'boolean', (args, row) => {
    const a = textAt(args[0], row);
    if (a instanceof ErrorValue) return a;
    const b = textAt(args[1], row);
    return b instanceof ErrorValue ? b : a === b;
  }, { en: 'TRUE when two texts are the same, case-sensitive.', zh: '两个文本完全相同（区分大小写）时返回 TRUE。', syntaxEn: 'EXACT(text1, text2)', syntaxZh: 'EXACT(文本1, 文本2)', exampleEn: 'EXACT("VIP", "vip") → FALSE' }),
  textFunction('VALUE', [value('text')], 1, 'number', valueOf, { en: 'Converts text to a number ("1,000", "50%", dates as serial numbers).', zh: '把文本转换为数字（支持“1,000”“50%”，日期转为序列号）。', syntaxEn: 'VALUE(text)', syntaxZh: 'VALUE(文本)', exampleEn: 'VALUE("1,250.5") → 1250.5' }),
  textFunction('TEXT', [value('value'), value('format_text')], 2, 'text', textOf, { en: 'Formats a number or date with a format code such as "0.00", "#,##0", "0%", "yyyy-mm-dd" or "yyyy年m月".', zh: '按格式代码把数字或日期转为文本，如 "0.00"、"#,##0"、"0%"、"yyyy-mm-dd"、"yyyy年m月"。', syntaxEn: 'TEXT(value, format_text)', syntaxZh: 'TEXT(值, 格式代码)', exampleEn: 'TEXT({Joined}, "yyyy年m月") → "2024年1月"', exampleZh: 'TEXT({注册日期}, "yyyy年m月") → "2024年1月"' }),
];
