// Math functions, with Excel's errors (settled 4): POWER(0,-1) and LOG(8,1) are #DIV/0!, 0^0 is #NUM!,
// any other non-finite result #NUM!. Rounding works on the decimal digits Excel shows (15 significant),
// so ROUND(2.675, 2) is 2.68 as in Excel, not 2.67 as binary floating point would say.
import { badArgument, DIV0, NUM } from '../eval/errors';
import { columnStats } from '../eval/indexes';
import { finite, power } from '../eval/operators';
import { round15 } from '../types/coercion';
import { ErrorValue } from '../eval/values';
import { always, docs, either, forEachNumber, numberAt, optionalNumber, trunc, value } from './args';
import { defineFunction, type FunctionDef } from './define';

/** x × 10^digits computed on decimal text, so no binary noise is introduced. */
function shift(x: number, digits: number): number {
  const [mantissa = '0', exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + digits}`);
}

type RoundMode = 'nearest' | 'up' | 'down';

/** Excel's ROUND/ROUNDUP/ROUNDDOWN: half away from zero; up = away from zero; down = toward zero. */
export function roundTo(x: number, digits: number, mode: RoundMode): number {
  const d = trunc(digits);
  if (x === 0 || !Number.isFinite(x)) return x;
  if (d > 15) return x;
  if (d < -308) return 0;
  const sign = x < 0 ? -1 : 1;
  const scaled = round15(shift(round15(Math.abs(x)), d));
  let r: number;
  switch (mode) {
    case 'nearest':
      r = Math.floor(scaled + 0.5);
      break;
    case 'up':
      r = Math.ceil(scaled);
      break;
    case 'down':
      r = Math.floor(scaled);
      break;
  }
  const result = sign * shift(r, -d);
  return result === 0 ? 0 : result;
}

interface Doc {
  readonly en: string;
  readonly zh: string;
  readonly syntaxEn: string;
  readonly syntaxZh: string;
  readonly example: string;
}

function unary(name: string, fn: (x: number) => number | ErrorValue, doc: Doc): FunctionDef {
  return defineFunction({
    name,
    category: 'math',
    params: [value('number')],
    minArgs: 1,
    maxArgs: 1,
    returns: always('number'),
    columnWide: false,
    call(args, row) {
      const x = numberAt(args[0], row);
      if (x instanceof ErrorValue) return x;
      const r = fn(x);
      return r instanceof ErrorValue ? r : finite(r);
    },
    docs: docs(
      { summary: doc.en, syntax: doc.syntaxEn, example: doc.example },
      { summary: doc.zh, syntax: doc.syntaxZh, example: doc.example },
    ),
  });
}

function binary(
  name: string,
  params: readonly [string, string],
  optionalSecond: number | undefined,
  fn: (a: number, b: number) => number | ErrorValue,
  doc: Doc,
): FunctionDef {
  return defineFunction({
    name,
    category: 'math',
    params: [value(params[0]), value(params[1], optionalSecond !== undefined)],
    minArgs: optionalSecond === undefined ? 2 : 1,
    maxArgs: 2,
    returns: always('number'),
    columnWide: false,
    call(args, row) {
      const a = numberAt(args[0], row);
      if (a instanceof ErrorValue) return a;
      const b = optionalSecond === undefined ? numberAt(args[1], row) : optionalNumber(args[1], row, optionalSecond);
      if (b instanceof ErrorValue) return b;
      const r = fn(a, b);
      return r instanceof ErrorValue ? r : finite(r);
    },
    docs: docs(
      { summary: doc.en, syntax: doc.syntaxEn, example: doc.example },
      { summary: doc.zh, syntax: doc.syntaxZh, example: doc.example },
    ),
  });
}

function rounding(name: string, mode: RoundMode, en: string, zh: string, example: string): FunctionDef {
  return binary(name, ['number', 'num_digits'], undefined, (x, d) => roundTo(x, d, mode), {
    en,
    zh,
    syntaxEn: `${name}(number, num_digits)`,
    syntaxZh: `${name}(数值, 小数位数)`,
    example,
  });
}

/** CEILING/FLOOR (Excel 2010+): a positive number with a negative significance is #NUM!. */
function toMultiple(name: 'CEILING' | 'FLOOR', x: number, significance: number): number | ErrorValue {
  if (significance === 0) return name === 'CEILING' ? 0 : DIV0;
  if (x === 0) return 0;
  if (x > 0 && significance < 0) {
    return badArgument(name, 'a positive number needs a positive significance.', '正数的基数必须为正。', '#NUM!');
  }
  const q = round15(x / significance);
  const r = round15((name === 'CEILING' ? Math.ceil(q) : Math.floor(q)) * significance);
  return r === 0 ? 0 : r;
}

const SUM = defineFunction({
  name: 'SUM',
  category: 'math',
  params: [either('number', true)],
  minArgs: 1,
  maxArgs: 255,
  returns: always('number'),
  columnWide: false,
  call(args, row, ctx) {
    let total = 0;
    const error = forEachNumber(
      args,
      row,
      (n) => (total += n),
      (column) => {
        const stats = columnStats(ctx, column);
        total += stats.sum;
        return stats.firstError;
      },
    );
    return error ?? finite(total);
  },
  docs: docs(
    { summary: 'Adds numbers; in a column or a {field} only numbers count, text and blanks are skipped.', syntax: 'SUM(number1, [number2], …)', example: 'SUM([Sales]) → 12400' },
    { summary: '求和；列或 {字段} 中只计数字，跳过文本和空值。', syntax: 'SUM(数值1, [数值2], …)', example: 'SUM([销售额]) → 12400' },
  ),
});

function mod(n: number, d: number): number | ErrorValue {
  if (d === 0) return DIV0;
  const r = n - d * Math.floor(n / d);
  // The result takes the divisor's sign (Excel); tiny binary leftovers equal to d are 0.
  return round15(r) === round15(d) ? 0 : r;
}

export const mathFunctions: readonly FunctionDef[] = [
  unary('ABS', Math.abs, { en: 'Absolute value.', zh: '绝对值。', syntaxEn: 'ABS(number)', syntaxZh: 'ABS(数值)', example: 'ABS(-3.5) → 3.5' }),
  unary('SIGN', (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), { en: '1 for a positive number, -1 for a negative one, 0 for zero.', zh: '正数返回 1，负数返回 -1，零返回 0。', syntaxEn: 'SIGN(number)', syntaxZh: 'SIGN(数值)', example: 'SIGN(-20) → -1' }),
  rounding('ROUND', 'nearest', 'Rounds to a number of digits, halves away from zero.', '四舍五入到指定位数。', 'ROUND(2.675, 2) → 2.68'),
  rounding('ROUNDUP', 'up', 'Rounds away from zero.', '向远离零的方向舍入。', 'ROUNDUP(3.141, 1) → 3.2'),
  rounding('ROUNDDOWN', 'down', 'Rounds toward zero.', '向零的方向舍入。', 'ROUNDDOWN(-3.19, 1) → -3.1'),
  unary('INT', Math.floor, { en: 'Rounds down to the nearest integer.', zh: '向下取整。', syntaxEn: 'INT(number)', syntaxZh: 'INT(数值)', example: 'INT(-2.5) → -3' }),
  binary('TRUNC', ['number', 'num_digits'], 0, (x, d) => roundTo(x, d, 'down'), { en: 'Cuts off the decimals (toward zero).', zh: '截去小数部分（向零取整）。', syntaxEn: 'TRUNC(number, [num_digits])', syntaxZh: 'TRUNC(数值, [小数位数])', example: 'TRUNC(-2.56, 1) → -2.5' }),
  binary('MOD', ['number', 'divisor'], undefined, mod, { en: 'Remainder after division; takes the sign of the divisor.', zh: '求余数，符号与除数相同。', syntaxEn: 'MOD(number, divisor)', syntaxZh: 'MOD(被除数, 除数)', example: 'MOD(-3, 2) → 1' }),
  binary('POWER', ['number', 'power'], undefined, power, { en: 'A number raised to a power.', zh: '求一个数的乘幂。', syntaxEn: 'POWER(number, power)', syntaxZh: 'POWER(底数, 指数)', example: 'POWER(2, 10) → 1024' }),
  unary('SQRT', (x) => (x < 0 ? NUM : Math.sqrt(x)), { en: 'Square root; a negative number is #NUM!.', zh: '平方根；负数返回 #NUM!。', syntaxEn: 'SQRT(number)', syntaxZh: 'SQRT(数值)', example: 'SQRT(16) → 4' }),
  unary('EXP', Math.exp, { en: 'e raised to a power.', zh: 'e 的乘幂。', syntaxEn: 'EXP(number)', syntaxZh: 'EXP(数值)', example: 'ROUND(EXP(1), 4) → 2.7183' }),
  unary('LN', (x) => (x <= 0 ? NUM : Math.log(x)), { en: 'Natural logarithm.', zh: '自然对数。', syntaxEn: 'LN(number)', syntaxZh: 'LN(数值)', example: 'ROUND(LN(10), 4) → 2.3026' }),
  binary('LOG', ['number', 'base'], 10, (x, b) => (x <= 0 || b <= 0 ? NUM : b === 1 ? DIV0 : round15(Math.log(x) / Math.log(b))), { en: 'Logarithm to a base (10 by default).', zh: '以指定底数（默认 10）的对数。', syntaxEn: 'LOG(number, [base])', syntaxZh: 'LOG(数值, [底数])', example: 'LOG(8, 2) → 3' }),
  unary('LOG10', (x) => (x <= 0 ? NUM : Math.log10(x)), { en: 'Base-10 logarithm.', zh: '以 10 为底的对数。', syntaxEn: 'LOG10(number)', syntaxZh: 'LOG10(数值)', example: 'LOG10(1000) → 3' }),
  binary('CEILING', ['number', 'significance'], undefined, (x, s) => toMultiple('CEILING', x, s), { en: 'Rounds up to a multiple of significance.', zh: '向上舍入为基数的倍数。', syntaxEn: 'CEILING(number, significance)', syntaxZh: 'CEILING(数值, 基数)', example: 'CEILING(2.5, 1) → 3' }),
  binary('FLOOR', ['number', 'significance'], undefined, (x, s) => toMultiple('FLOOR', x, s), { en: 'Rounds down to a multiple of significance.', zh: '向下舍入为基数的倍数。', syntaxEn: 'FLOOR(number, significance)', syntaxZh: 'FLOOR(数值, 基数)', example: 'FLOOR(-2.5, 2) → -4' }),
  SUM,
];

