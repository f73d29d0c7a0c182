// Date functions on Excel serials (1900 system, eval/dates.ts). A blank is serial 0, so YEAR of a blank
// is 1900 (settled 3); date text such as "2024-01-31" is read as a date; negative serials are #NUM!.
import { badArgument, makeError, NUM } from '../eval/errors';
import { addMonths, dayOfWeek, isValidSerial, partsFromSerial, serialFromDateText, serialFromParts } from '../eval/dates';
import { dateResult } from '../eval/operators';
import { DateValue, ErrorValue, type Value } from '../eval/values';
import { always, docs, numberAt, optionalNumber, textAt, trunc, value, valueAt, rowFunction, type RowFunctionDoc } from './args';
import { defineFunction, type Arg, type FunctionDef, type ParamSpec } from './define';

/** A date argument as a whole serial: dates, numbers, date text; #NUM! outside Excel's calendar. */
function serialAt(arg: Arg | undefined, row: number): number | ErrorValue {
  const n = numberAt(arg, row);
  if (n instanceof ErrorValue) return n;
  return isValidSerial(n) ? Math.floor(n) : NUM;
}


function dateFunction(
  name: string,
  params: readonly ParamSpec[],
  minArgs: number,
  returns: 'number' | 'date',
  call: (args: readonly Arg[], row: number) => Value,
  doc: RowFunctionDoc,
): FunctionDef {
  return rowFunction('date', name, params, minArgs, returns, call, doc);
}

function part(index: 0 | 1 | 2): (args: readonly Arg[], row: number) => Value {
  return (args, row) => {
    const s = serialAt(args[0], row);
    return s instanceof ErrorValue ? s : partsFromSerial(s)[index];
  };
}

function date(args: readonly Arg[], row: number): Value {
  const parts: number[] = [];
  for (const arg of args) {
    const n = numberAt(arg, row);
    if (n instanceof ErrorValue) return n;
    parts.push(trunc(n));
  }
  const [year = 0, m = 1, d = 1] = parts;
  let y = year;
  if (y < 0 || y >= 10000) return badArgument('DATE', 'the year must be between 0 and 9999.', '年份必须在 0 到 9999 之间。', '#NUM!');
  if (y < 1900) y += 1900; // Excel: DATE(24,1,1) is 1924-01-01
  return dateResult(serialFromParts(y, m, d));
}

function datevalue(args: readonly Arg[], row: number): Value {
  const v = valueAt(args[0], row);
  if (v instanceof ErrorValue || v instanceof DateValue) return v;
  if (typeof v !== 'string') return badArgument('DATEVALUE', 'expects date text such as "2024-01-31".', '需要日期文本，例如 "2024-01-31"。');
  const serial = serialFromDateText(v);
  return serial === undefined
    ? badArgument('DATEVALUE', `"${v.slice(0, 40)}" is not a date.`, `“${v.slice(0, 40)}”不是日期。`)
    : new DateValue(serial);
}

function weekday(args: readonly Arg[], row: number): Value {
  const s = serialAt(args[0], row);
  if (s instanceof ErrorValue) return s;
  const type = optionalNumber(args[1], row, 1);
  if (type instanceof ErrorValue) return type;
  const dow = dayOfWeek(s); // 0 = Sunday
  const t = trunc(type);
  if (t === 1) return dow + 1;
  if (t === 2) return ((dow + 6) % 7) + 1;
  if (t === 3) return (dow + 6) % 7;
  if (t >= 11 && t <= 17) return ((dow - ((t - 10) % 7) + 7) % 7) + 1;
  return badArgument('WEEKDAY', 'return_type must be 1, 2, 3 or 11 to 17.', '返回类型必须为 1、2、3 或 11 到 17。', '#NUM!');
}

function days(args: readonly Arg[], row: number): Value {
  const end = serialAt(args[0], row);
  if (end instanceof ErrorValue) return end;
  const start = serialAt(args[1], row);
  return start instanceof ErrorValue ? start : end - start;
}

/** DATEDIF with Excel's (and LibreOffice's reverse-engineered) rules, including the MD and YD quirks. */
export function datedif(start: number, end: number, unit: string): number | ErrorValue {
  if (start > end) return badArgument('DATEDIF', 'the start date is after the end date.', '开始日期晚于结束日期。', '#NUM!');
  const [y1, m1, d1] = partsFromSerial(start);
  const [y2, m2, d2] = partsFromSerial(end);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  switch (unit.toUpperCase()) {
    case 'D':
      return end - start;
    case 'M':
      return months;
    case 'Y':
      return Math.floor(months / 12);
    case 'YM':
      return months % 12;
    case 'YD': {
      const sameYear = m2 > m1 || (m2 === m1 && d2 >= d1);
      return end - serialFromParts(sameYear ? y2 : y2 - 1, m1, d1);
    }
    case 'MD':
      if (d1 <= d2) return d2 - d1;
      // Day d1 of the month before the end month, rolling over as DATE does.
      return end - serialFromParts(y2, m2 - 1, d1);
    default:
      return makeError('#NUM!', `DATEDIF: unknown unit "${unit}"; use Y, M, D, MD, YM or YD.`, `DATEDIF：未知的单位“${unit}”，请使用 Y、M、D、MD、YM 或 YD。`);
  }
}

function months(endOfMonth: boolean): (args: readonly Arg[], row: number) => Value {
  return (args, row) => {
    const s = serialAt(args[0], row);
    if (s instanceof ErrorValue) return s;
    const n = numberAt(args[1], row);
    if (n instanceof ErrorValue) return n;
    return dateResult(addMonths(s, trunc(n), endOfMonth));
  };
}

const TODAY = defineFunction({
  name: 'TODAY',
  category: 'date',
  params: [],
  minArgs: 0,
  maxArgs: 0,
  returns: always('date'),
  columnWide: false,
  usesToday: true,
  // The workbook's as-of date, so a segmentation can be reproduced for any day.
  call: (_args, _row, ctx) => new DateValue(ctx.asOf),
  docs: docs(
    { summary: "The workbook's as-of date (by default today).", syntax: 'TODAY()', example: 'TODAY() - {Joined} → 91' },
    { summary: '工作簿的基准日期（默认为今天）。', syntax: 'TODAY()', example: 'TODAY() - {注册日期} → 91' },
  ),
});

export const dateFunctions: readonly FunctionDef[] = [
  dateFunction('DATE', [value('year'), value('month'), value('day')], 3, 'date', date, { en: 'The date of a year, month and day; months and days roll over.', zh: '由年、月、日组成日期；月和日可以溢出进位。', syntaxEn: 'DATE(year, month, day)', syntaxZh: 'DATE(年, 月, 日)', exampleEn: 'DATE(2024, 14, 1) → "2025-02-01"' }),
  dateFunction('DATEVALUE', [value('date_text')], 1, 'date', datevalue, { en: 'Converts date text ("2024-01-31", "2024/1/31", "2024年1月31日") to a date.', zh: '把日期文本（“2024-01-31”“2024/1/31”“2024年1月31日”）转换为日期。', syntaxEn: 'DATEVALUE(date_text)', syntaxZh: 'DATEVALUE(日期文本)', exampleEn: 'DATEVALUE("2024年3月8日") → "2024-03-08"' }),
  dateFunction('YEAR', [value('date')], 1, 'number', part(0), { en: 'The year of a date.', zh: '日期的年份。', syntaxEn: 'YEAR(date)', syntaxZh: 'YEAR(日期)', exampleEn: 'YEAR({Joined}) → 2024', exampleZh: 'YEAR({注册日期}) → 2024' }),
  dateFunction('MONTH', [value('date')], 1, 'number', part(1), { en: 'The month of a date, 1 to 12.', zh: '日期的月份（1 到 12）。', syntaxEn: 'MONTH(date)', syntaxZh: 'MONTH(日期)', exampleEn: 'MONTH({Joined}) → 1', exampleZh: 'MONTH({注册日期}) → 1' }),
  dateFunction('DAY', [value('date')], 1, 'number', part(2), { en: 'The day of the month, 1 to 31.', zh: '日期在当月的第几天（1 到 31）。', syntaxEn: 'DAY(date)', syntaxZh: 'DAY(日期)', exampleEn: 'DAY({Joined}) → 31', exampleZh: 'DAY({注册日期}) → 31' }),
  dateFunction('WEEKDAY', [value('date'), value('return_type', true)], 1, 'number', weekday, { en: 'Day of the week: 1 (Sunday) to 7 by default; type 2 counts from Monday.', zh: '星期几：默认 1（星期日）到 7；类型 2 从星期一开始计。', syntaxEn: 'WEEKDAY(date, [return_type])', syntaxZh: 'WEEKDAY(日期, [返回类型])', exampleEn: 'WEEKDAY(DATE(2024,1,1), 2) → 1' }),
  TODAY,
  dateFunction('DAYS', [value('end_date'), value('start_date')], 2, 'number', days, { en: 'The number of days between two dates.', zh: '两个日期之间的天数。', syntaxEn: 'DAYS(end_date, start_date)', syntaxZh: 'DAYS(结束日期, 开始日期)', exampleEn: 'DAYS("2024-03-01", "2024-02-01") → 29' }),
  dateFunction('DATEDIF', [value('start_date'), value('end_date'), value('unit')], 3, 'number', (args, row) => {
    const start = serialAt(args[0], row);
    if (start instanceof ErrorValue) return start;
    const end = serialAt(args[1], row);
    if (end instanceof ErrorValue) return end;
    const unit = textAt(args[2], row);
    return unit instanceof ErrorValue ? unit : datedif(start, end, unit);
  }, { en: 'Whole years (Y), months (M), days (D) between dates; MD, YM, YD ignore larger units.', zh: '两个日期相差的整年（Y）、整月（M）、天数（D）；MD、YM、YD 忽略更大的单位。', syntaxEn: 'DATEDIF(start_date, end_date, unit)', syntaxZh: 'DATEDIF(开始日期, 结束日期, 单位)', exampleEn: 'DATEDIF({Joined}, "2025-03-01", "m") → 13', exampleZh: 'DATEDIF({注册日期}, "2025-03-01", "m") → 13' }),
  dateFunction('EDATE', [value('start_date'), value('months')], 2, 'date', months(false), { en: 'The same day some months later (or earlier), clamped to the month end.', zh: '若干个月之后（或之前）的同一天，超出月末时取月末。', syntaxEn: 'EDATE(start_date, months)', syntaxZh: 'EDATE(开始日期, 月数)', exampleEn: 'EDATE({Joined}, 1) → "2024-02-29"', exampleZh: 'EDATE({注册日期}, 1) → "2024-02-29"' }),
  dateFunction('EOMONTH', [value('start_date'), value('months')], 2, 'date', months(true), { en: 'The last day of the month some months later (or earlier).', zh: '若干个月之后（或之前）那个月的最后一天。', syntaxEn: 'EOMONTH(start_date, months)', syntaxZh: 'EOMONTH(开始日期, 月数)', exampleEn: 'EOMONTH("2024-01-15", 1) → "2024-02-29"' }),
];
