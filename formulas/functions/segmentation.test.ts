import { describe, expect, test } from 'vitest';
import { all, column, err, one } from './test-kit';

// Excel's own PERCENTRANK.INC documentation data.
const excelDocs = column([13, 12, 11, 8, 4, 3, 2, 1, 1, 1]);

describe('PERCENTRANK (= PERCENTRANK.INC)', () => {
  test.each<[string, unknown]>([
    ['PERCENTRANK([X], 2)', 0.333],
    ['PERCENTRANK([X], 4)', 0.555],
    ['PERCENTRANK([X], 8)', 0.666],
    ['PERCENTRANK([X], 5)', 0.583], // absent: interpolated
    ['PERCENTRANK([X], 5, 5)', 0.58333],
    ['PERCENTRANK([X], 1)', 0],
    ['PERCENTRANK([X], 13)', 1],
    ['PERCENTRANK([X], 0)', err('#N/A')],
    ['PERCENTRANK([X], 14)', err('#N/A')],
    ['PERCENTRANK([X], 2, 0)', err('#NUM!')],
    ['PERCENTRANK([X], {Missing})', null],
  ])('%s', (formula, expected) => {
    const table = { fields: [...excelDocs.fields, { name: 'Missing', type: 'number' as const }], rows: excelDocs.rows };
    expect(one(formula, table)).toMatchObject(expected as object);
  });

  test('a column holding no numbers answers #NUM!, as Excel does for an empty array', () => {
    expect(all('PERCENTRANK([X], 5)', column(['a', null, true], 'text'))).toMatchObject([err('#NUM!'), err('#NUM!'), err('#NUM!')]);
  });
});

describe('RANK, NTILE, PARETO over a column with blanks, text and booleans (settled 8)', () => {
  // Numbers 50, 20, 20, 10, 100 among a blank, a text and a boolean.
  const table = column([50, null, 20, 'n/a', 20, true, 10, 100]);

  test.each<[string, unknown[]]>([
    ['RANK({X}, [X])', [2, null, 3, err('#VALUE!'), 3, err('#VALUE!'), 5, 1]],
    ['RANK({X}, [X], 1)', [4, null, 2, err('#VALUE!'), 2, err('#VALUE!'), 1, 5]],
    ['NTILE([X], {X}, 4)', [3, null, 1, err('#VALUE!'), 1, err('#VALUE!'), 1, 4]],
    ['NTILE([X], {X}, 2)', [2, null, 1, err('#VALUE!'), 1, err('#VALUE!'), 1, 2]],
    ['PARETO([X], {X})', [150 / 200, null, 190 / 200, err('#VALUE!'), 190 / 200, err('#VALUE!'), 1, 100 / 200]],
    ['PERCENTRANK([X], {X})', [0.75, null, 0.25, err('#VALUE!'), 0.25, err('#VALUE!'), 0, 1]],
  ])('%s', (formula, expected) => {
    expect(all(formula, table)).toMatchObject(expected);
  });

  test.each<[string, unknown]>([
    ['RANK(30, [X])', err('#N/A')], // absent from the column
    ['RANK("50", [X])', 2],
    ['NTILE([X], 1000, 3)', 3],
    ['NTILE([X], -5, 3)', 1],
    ['NTILE([X], 10, 0)', err('#NUM!')],
    ['PARETO([X], 1000)', 0],
    ['PARETO([X], 0)', 1],
  ])('%s', (formula, expected) => {
    expect(one(formula, table)).toMatchObject(expected as object);
  });

  test('NTILE equals its FORMULAS.md definition and PARETO its definition', () => {
    const values = [5, 3, 3, 9, 1, 7, 7, 7, 2, 10, 4, 6];
    const t = column(values);
    const ntile = all('NTILE([X], {X}, 5)', t);
    const defined = all('MIN(5, 1 + INT(5 * COUNTIFS([X], "<" & {X}) / COUNT([X])))', t);
    expect(ntile).toEqual(defined);
    const pareto = all('PARETO([X], {X})', t);
    const paretoDefined = all('SUMIFS([X], [X], ">=" & {X}) / SUM([X])', t);
    expect(pareto).toEqual(paretoDefined);
  });

  test('ABC classification from FORMULAS.md', () => {
    const t = column([500, 300, 100, 50, 30, 20]);
    expect(all('IFS(PARETO([X],{X})<=0.8,"A",PARETO([X],{X})<=0.95,"B",TRUE,"C")', t)).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
  });

  test('an empty column', () => {
    const t = column([null, 'x']);
    expect(all('NTILE([X], 1, 4)', t)).toMatchObject([err('#DIV/0!'), err('#DIV/0!')]);
    expect(all('PARETO([X], 1)', t)).toMatchObject([err('#DIV/0!'), err('#DIV/0!')]);
    expect(all('RANK(1, [X])', t)).toMatchObject([err('#N/A'), err('#N/A')]);
  });

  test('date columns rank as numbers', () => {
    const t = column(['2024-01-01', '2024-03-01', '2024-02-01'], 'date');
    expect(all('RANK({X}, [X])', t)).toEqual([3, 1, 2]);
    expect(all('NTILE([X], {X}, 3)', t)).toEqual([1, 3, 2]);
  });
});

describe('explain facts', () => {
  test('RANK explains count above and below; SUMIFS the matching rows', async () => {
    const { lookupFunction } = await import('./registry');
    const { createEvalContext } = await import('../eval/context');
    const values = [50, 20, 20, 10, 100];
    const column = { key: 't.x', type: 'number' as const, values };
    const ctx = createEvalContext(0, values.length);
    const rank = lookupFunction('RANK');
    const args = [
      { kind: 'value' as const, type: 'number' as const, isReference: true, eval: (row: number) => values[row] ?? null },
      { kind: 'column' as const, type: 'number' as const, column },
    ];
    const facts = rank?.explain?.(args, 1, ctx) ?? [];
    const byLabel = Object.fromEntries(facts.map((f) => [f.label.en, f.value]));
    expect(byLabel).toMatchObject({ Value: 20, 'Count below': 1, 'Count above': 2, 'Numbers in the column': 5 });
    const sumifs = lookupFunction('SUMIFS');
    const criterion = { kind: 'value' as const, type: 'text' as const, isReference: false, eval: () => '>=20' };
    const sumFacts = sumifs?.explain?.([{ kind: 'column', type: 'number', column }, { kind: 'column', type: 'number', column }, criterion], 0, ctx) ?? [];
    expect(sumFacts.map((f) => f.value)).toEqual([4, 4, 190]);
  });
});
