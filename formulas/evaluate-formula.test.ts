// End to end through the entry point of FORMULAS.md, with the real function library.
import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, type TableData } from './index';

const customers: TableData = {
  fields: [
    { name: '销售额', type: 'number' },
    { name: '名字', type: 'text' },
    { name: '备注', type: 'text' },
    { name: '首购', type: 'date' },
    { name: 'VIP', type: 'boolean' },
  ],
  rows: [
    { 销售额: 120000, 名字: 'Ann', 备注: 'vip', 首购: '2024-01-05', VIP: true },
    { 销售额: 30000, 名字: 'Bo', 备注: null, 首购: null, VIP: false },
    { 销售额: 500, 名字: 'Cy', 备注: '', 首购: '2024-03-01', VIP: null },
  ],
};
const orders: TableData = {
  fields: [{ name: '客户', type: 'text' }, { name: 'Amount', type: 'number' }],
  rows: [{ 客户: 'Ann', Amount: 10 }, { 客户: 'Ann', Amount: 5 }, { 客户: 'Cy', Amount: 7 }],
};
const ev = (source: string) => evaluateFormula(source, customers, { tables: { Orders: orders, "Tom's": orders }, asOf: '2024-06-01' });

const thrown = (source: string): FormulaError => {
  try {
    ev(source);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`expected a FormulaError for ${source}`);
};

describe('evaluateFormula (FORMULAS.md examples)', () => {
  it.each([
    ['IFS({销售额}>=100000,"高价值",{销售额}>=20000,"中价值",TRUE,"低价值")', ['高价值', '中价值', '低价值']],
    ['ifs({销售额}>=100000，“高价值”，true，“其他”）', ['高价值', '其他', '其他']],
    ['-2^2', [4, 4, 4]],
    ['2^3^2', [64, 64, 64]],
    ['0.1+0.2=0.3', [true, true, true]],
    ['1/3&""', ['0.333333333333333', '0.333333333333333', '0.333333333333333']],
    ['{备注}', ['vip', null, '']],
    ['IF({销售额}>1000,{备注},"x")', ['vip', null, 'x']],
    ['IF(TRUE, 1, 1/0)', [1, 1, 1]],
    ['IFERROR(1/0, "none")', ['none', 'none', 'none']],
    // A blank in a date field is the date it stands for (serial 0), so the value has the checker's type:
    // date + number is a date, date − date a number of days (formulas/README.md, "Blank dates").
    ['{首购}+30', ['2024-02-04', '1900-01-30', '2024-03-31']],
    ['"day "&{首购}', ['day 2024-01-05', 'day ', 'day 2024-03-01']],
    ['TODAY()-{首购}', [148, 45444, 92]],
    ['SUMIFS(Orders[Amount], Orders[客户], {名字})', [15, 0, 7]],
    ["COUNTIFS('Tom''s'[客户], {名字})", [2, 0, 1]],
    ['RANK({销售额}, [销售额])', [1, 2, 3]],
    ['SUM([销售额])', [150500, 150500, 150500]],
    ['true() = TRUE', [true, true, true]],
    ['50%*{销售额}', [60000, 15000, 250]],
    ['LEN("😀")', [2, 2, 2]],
  ])('%s', (source, expected) => {
    expect(ev(source)).toEqual(expected);
  });

  it('throws FormulaError with code and exact span for save-time errors', () => {
    expect(thrown('ROUND(1)')).toMatchObject({ code: 'FORMULA_ARG_COUNT', start: 0, end: 8 });
    expect(thrown('{销售}')).toMatchObject({ code: 'FORMULA_UNKNOWN_FIELD', start: 1, end: 3 });
    expect(thrown('Order[Amount]')).toMatchObject({ code: 'FORMULA_UNKNOWN_TABLE' });
    expect(thrown('SUMM(1)')).toMatchObject({ code: 'FORMULA_UNKNOWN_FUNCTION', message: 'There is no function SUMM; did you mean SUM?' });
    expect(thrown('IF(1,"是”,"否")')).toMatchObject({ code: 'FORMULA_QUOTE_MISMATCH', start: 5, end: 8 });
    expect(thrown('1 + \u0001')).toMatchObject({ code: 'FORMULA_UNEXPECTED_CHAR', start: 4, end: 5 });
    expect(thrown('x'.repeat(8001))).toMatchObject({ code: 'FORMULA_TOO_LONG' });
    expect(thrown(`${'IF(TRUE,'.repeat(70)}1${')'.repeat(70)}`)).toMatchObject({ code: 'FORMULA_TOO_DEEP' });
    expect(thrown('')).toMatchObject({ code: 'FORMULA_EMPTY' });
  });

  it('turns huge REPT into an error value, not an allocation', () => {
    const [value] = ev('REPT("x", 1e9)');
    expect(value).toMatchObject({ error: '#VALUE!' });
  });
});

describe('explain with the real library', () => {
  it('says which SWITCH value matched and gives PARETO facts', async () => {
    const { checkFormula, compileFormula } = await import('./index');
    const schema = {
      tables: [{ id: 't', name: 'T', fields: [{ id: 'm', name: 'M', type: 'number' as const }, { id: 'c', name: 'City', type: 'text' as const }] }],
    };
    const columns: Record<string, (number | string)[]> = { m: [50, 30, 20], c: ['北京', '上海', '广州'] };
    const data = { rowCount: 3, asOf: '2024-06-01', column: (_t: string, f: string) => columns[f] ?? [] };

    const sw = checkFormula('SWITCH({City},"北京","N","上海","E","other")', schema, 't');
    const swTrace = compileFormula(sw.formula!).explain(data, 1).trace;
    expect(swTrace.note).toBe('matched value 2');
    expect(swTrace.children.map((c) => c.text)).not.toContain('"N"');

    const abc = checkFormula('IFS(PARETO([M],{M})<=0.8,"A",PARETO([M],{M})<=0.95,"B",TRUE,"C")', schema, 't', { language: 'zh-CN' });
    const result = compileFormula(abc.formula!).explain(data, 1, 'zh-CN');
    expect(result.value).toBe('A');
    const pareto = result.trace.children[0]!.children[0]!;
    expect(pareto.text).toBe('PARETO([M],{M})');
    expect(pareto.value).toBe(0.8);
    expect(pareto.facts).toContainEqual({ label: '列合计', value: 100 });
  });
});
