import { beforeEach, describe, expect, it } from 'vitest';
import { compileFormula } from './evaluate';
import { checkFormula } from '../types/checker';
import { evaluatedLog, fakeLibrary } from '../testing/fake-library';
import { data, schema } from '../testing/fixtures';
import { DateValue, ErrorValue, type Value } from './values';

const compile = (source: string) => {
  const checked = checkFormula(source, schema, 'tbl_c', { functions: fakeLibrary });
  expect(checked.diagnostics).toEqual([]);
  return compileFormula(checked.formula!);
};
const run = (source: string, columns: Record<string, readonly Value[]> = {}): Value[] => compile(source).run(data(columns));

beforeEach(() => {
  evaluatedLog.length = 0;
});

describe('compiled evaluation over columns', () => {
  it('computes one value per row with Excel precedence', () => {
    expect(run('{销售额}*2+1')).toEqual([301, 101, 1]);
    expect(run('-2^2')).toEqual([4, 4, 4]);
    expect(run('{Name}&"!"')).toEqual(['Ann!', 'Bo!', 'Cy!']);
  });

  it('gives blank for a blank field value, not 0', () => {
    expect(run('{备注}')).toEqual(['vip', null, '']);
    expect(run('IF({销售额}>100,{备注},"x")')).toEqual(['vip', 'x', 'x']);
  });

  it('evaluates only the branch taken (lazy IF and IFS)', () => {
    expect(run('IF({销售额}>100, LOG_ARG("then",1), LOG_ARG("else",2))')).toEqual([1, 2, 2]);
    expect(evaluatedLog).toEqual(['then', 'else', 'else']);
    evaluatedLog.length = 0;
    expect(run('IFS(TRUE, 1, LOG_ARG("never",TRUE), 2)')).toEqual([1, 1, 1]);
    expect(evaluatedLog).toEqual([]);
  });

  it('passes whole columns to column functions, cross-table through the callback', () => {
    expect(run('RANK({销售额},[销售额])')).toEqual([1, 2, new ErrorValue('#N/A')]);
    const d = data();
    expect(compile("SUM('Orders 2024'[Amount])+SUM('Orders 2024'[Amount])+{销售额}").run(d)).toEqual([210, 110, 60]);
    expect(d.reads.filter((r) => r === 'tbl_o.fld_amt')).toHaveLength(1);
  });

  it('recomputes only the given rows', () => {
    const d = data();
    expect(compile('{销售额}+1').run(d, [2, 0])).toEqual([1, 151]);
  });

  it('never throws on data: failures become error values, non-finite numbers #NUM!', () => {
    const [boom] = run('BOOM()');
    expect(boom).toBeInstanceOf(ErrorValue);
    expect((boom as ErrorValue).code).toBe('#VALUE!');
    const mixed = run('BOOM_ODD()');
    expect(mixed[0]).toBe(0);
    expect(mixed[1]).toMatchObject({ code: '#VALUE!', message: { en: 'Internal error: odd' } });
    expect(mixed[2]).toBe(2);
    expect(compile('BOOM_ODD()').run(data(), [1, 2, 1])).toMatchObject([{ code: '#VALUE!' }, 2, { code: '#VALUE!' }]);
    expect(run('NAN()')).toEqual([new ErrorValue('#NUM!'), new ErrorValue('#NUM!'), new ErrorValue('#NUM!')]);
    expect(run('{销售额}/0').every((v) => v instanceof ErrorValue && v.code === '#DIV/0!')).toBe(true);
    expect(run('{Name}', { 'tbl_c.fld_name': ['only one'] })).toEqual(['only one', null, null]);
  });

  it('reads TODAY from the as-of date, as a serial or YYYY-MM-DD', () => {
    const formula = compile('TODAY()');
    expect(formula.usesToday).toBe(true);
    expect(formula.run({ ...data(), asOf: 45000 })[0]).toBe(45000);
    const iso = formula.run({ ...data(), asOf: '2024-01-01' })[0];
    expect(iso).toBe(45292);
    expect(() => formula.run({ ...data(), asOf: 'yesterday' })).toThrow(RangeError);
  });

  it('keeps dates as dates through operators', () => {
    const [day] = run('{First day}+1', { 'tbl_c.fld_day': [new DateValue(45000), null, null] });
    expect(day).toEqual(new DateValue(45001));
  });

  it('evaluates 100k rows quickly', () => {
    const n = 100_000;
    const sales = Array.from({ length: n }, (_, i) => (i * 7919) % 1000);
    const formula = compile('IF({销售额}>=900,"高",IF({销售额}>=500,"中","低"))');
    const started = performance.now();
    const out = formula.run({ rowCount: n, asOf: 45000, column: () => sales });
    expect(out).toHaveLength(n);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
