// A tiny function library for tests of the front end and compiler, independent of the real registry:
// it pins down exactly the metadata the checker reads (params, kinds, arity, columnWide, usesToday).

import type { Arg, FunctionDef, ParamSpec } from '../functions/define';
import { libraryOf, type FunctionLibrary } from '../types/library';
import { ErrorValue, type StaticType, type Value } from '../eval/values';

const docs = { 'zh-CN': { summary: '', syntax: '', example: '' }, en: { summary: '', syntax: '', example: '' } };

function fake(
  name: string,
  params: readonly ParamSpec[],
  minArgs: number,
  maxArgs: number,
  call: FunctionDef['call'],
  extra: Partial<FunctionDef> = {},
): FunctionDef {
  return {
    name,
    category: 'logical',
    params,
    minArgs,
    maxArgs,
    returns: (types: readonly StaticType[]) => types[1] ?? 'number',
    columnWide: false,
    call,
    docs,
    ...extra,
  };
}

const value = (a: Arg | undefined, row: number): Value => (a?.kind === 'value' ? a.eval(row) : null);
/** Which arguments the implementation evaluated, per row: proves laziness. */
export const evaluatedLog: string[] = [];

export const fakeFunctions: readonly FunctionDef[] = [
  fake('IF', [{ name: 'c', kind: 'value' }, { name: 't', kind: 'value' }, { name: 'f', kind: 'value', optional: true }], 2, 3,
    (args, row) => (value(args[0], row) === true ? value(args[1], row) : args.length > 2 ? value(args[2], row) : false)),
  fake('IFS', [{ name: 'c', kind: 'value', repeats: true }, { name: 'v', kind: 'value' }], 2, Infinity, (args, row) => {
    for (let i = 0; i + 1 < args.length; i += 2) if (value(args[i], row) === true) return value(args[i + 1], row);
    return new ErrorValue('#N/A');
  }),
  fake('SUM', [{ name: 'n', kind: 'either', repeats: true }], 1, Infinity, (args, row) => {
    let total = 0;
    for (const a of args) {
      if (a.kind === 'column') for (const v of a.column.values) total += typeof v === 'number' ? v : 0;
      else { const v = a.eval(row); total += typeof v === 'number' ? v : 0; }
    }
    return total;
  }, { returns: () => 'number' }),
  fake('RANK', [{ name: 'v', kind: 'value' }, { name: 'col', kind: 'column' }, { name: 'o', kind: 'value', optional: true }], 2, 3,
    (args, row, ctx) => {
      const col = args[1];
      if (col?.kind !== 'column') return new ErrorValue('#VALUE!');
      const sorted = ctx.memo(`rank:${col.column.key}`, () => [...col.column.values].filter((v): v is number => typeof v === 'number').sort((x, y) => y - x));
      const v = value(args[0], row);
      const at = sorted.indexOf(v as number);
      return at < 0 ? new ErrorValue('#N/A') : at + 1;
    },
    {
      columnWide: true,
      returns: () => 'number',
      explain: (args) => [{ label: { 'zh-CN': '总数', en: 'count' }, value: args[1]?.kind === 'column' ? args[1].column.values.length : 0 }],
    }),
  fake('TODAY', [], 0, 0, (_args, _row, ctx) => ctx.asOf, { usesToday: true, returns: () => 'date' }),
  fake('LOG_ARG', [{ name: 'label', kind: 'value' }, { name: 'v', kind: 'value' }], 2, 2, (args, row) => {
    evaluatedLog.push(String(value(args[0], row)));
    return value(args[1], row);
  }, { rowDependent: true }),
  fake('BOOM', [], 0, 0, () => {
    throw new Error('boom');
  }),
  fake('NAN', [], 0, 0, () => Number.NaN),
  fake('BOOM_ODD', [], 0, 0, (_args, row) => {
    if (row % 2 === 1) throw new Error('odd');
    return row;
  }, { rowDependent: true }),
  fake('PERCENTILE.INC', [{ name: 'col', kind: 'column' }, { name: 'k', kind: 'value' }], 2, 2, () => 0),
];

export const fakeLibrary: FunctionLibrary = libraryOf(fakeFunctions);
