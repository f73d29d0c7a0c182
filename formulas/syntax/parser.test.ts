import { describe, expect, it } from 'vitest';
import { parse } from './parser';
import { sexpr } from '../testing/tree';

const tree = (source: string): string => {
  const result = parse(source);
  expect(result.diagnostics).toEqual([]);
  return sexpr(result.ast!);
};

describe('precedence (Excel)', () => {
  it.each([
    ['-2^2', '(^ (- 2) 2)'],
    ['2^3^2', '(^ (^ 2 3) 2)'],
    ['2^-1', '(^ 2 (- 1))'],
    ['2*-3^2', '(* 2 (^ (- 3) 2))'],
    ['-2%', '(% (- 2))'],
    ['{a}^2%', '(^ {a} (% 2))'],
    ['1+2*3', '(+ 1 (* 2 3))'],
    ['1-2-3', '(- (- 1 2) 3)'],
    ['1+2&"x"', '(& (+ 1 2) "x")'],
    ['"a"&1=1', '(= (& "a" 1) 1)'],
    ['1<2=TRUE', '(= (< 1 2) TRUE)'],
    ['1<>2', '(<> 1 2)'],
    ['1<=2', '(<= 1 2)'],
    ['1>=2', '(>= 1 2)'],
    ['50%', '(% 50)'],
    ['(1+2)*3', '(* [(+ 1 2)] 3)'],
    ['--{x}', '(- (- {x}))'],
    ['+1', '(+ 1)'],
    ['1e3+.5+1.5E-2', '(+ (+ 1000 0.5) 0.015)'],
  ])('%s → %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });
});

describe('references and literals', () => {
  it.each([
    ['{销售额}', '{销售额}'],
    ['{First day}', '{First day}'],
    ['[销售额]', '[销售额]'],
    ['Orders[Amount]', 'Orders[Amount]'],
    ["'Orders 2024'[Amount]", 'Orders 2024[Amount]'],
    ["'Tom''s'[F]", "Tom's[F]"],
    ['客户 [销售额]', '客户[销售额]'],
    ['"a""b"', '"a\\"b"'],
    ['“高价值”', '"高价值"'],
    ['“say "hi"”', '"say \\"hi\\""'],
    ['"it’s “ok”"', '"it’s “ok”"'],
    ['true', 'TRUE'],
    ['False', 'FALSE'],
    ['TRUE()', '(TRUE)'],
    ['sum(1,2)', '(sum 1 2)'],
    ['PERCENTILE.INC([a], 0.5)', '(PERCENTILE.INC [a] 0.5)'],
    ['IF（{a}>1，“是”，“否”）', '(IF (> {a} 1) "是" "否")'],
    ['=1+1', '(+ 1 1)'],
    ['\n IF ( 1 ,\t2 )\n', '(IF 1 2)'],
    ['{#x}', '{#x}'],
  ])('%s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('reads #id as an id only in the stored form', () => {
    const shown = parse('{#fld_1}').ast;
    const stored = parse('#tbl_1[#fld_2]+{#fld_1}', { form: 'stored' }).ast;
    expect(shown?.kind === 'field' && shown.field).toMatchObject({ name: '#fld_1', byId: false });
    expect(stored?.kind === 'binary' && stored.left.kind === 'column' && stored.left.table).toMatchObject({ name: 'tbl_1', byId: true });
    expect(stored?.kind === 'binary' && stored.right.kind === 'field' && stored.right.field).toMatchObject({ name: 'fld_1', byId: true });
  });
});

describe('spans', () => {
  it('gives every node its exact source range', () => {
    const source = 'IF({a} > 1, "x", -b[c])';
    const ast = parse(source).ast!;
    expect(ast).toMatchObject({ kind: 'call', span: { start: 0, end: source.length }, nameSpan: { start: 0, end: 2 } });
    if (ast.kind !== 'call') throw new Error('call expected');
    const [cond, text, neg] = ast.args;
    expect(source.slice(cond!.span.start, cond!.span.end)).toBe('{a} > 1');
    expect(source.slice(text!.span.start, text!.span.end)).toBe('"x"');
    expect(source.slice(neg!.span.start, neg!.span.end)).toBe('-b[c]');
    if (cond?.kind !== 'binary' || cond.left.kind !== 'field') throw new Error('binary expected');
    expect(cond.left.field.span).toEqual({ start: 4, end: 5 });
  });

  it('counts offsets in UTF-16 units, as the editor does', () => {
    const source = '"😀"&{名}';
    const ast = parse(source).ast!;
    expect(ast.kind === 'binary' && ast.right.span).toEqual({ start: 5, end: 8 });
  });
});

describe('tolerant parsing', () => {
  it('returns a partial tree and every diagnostic for half-typed input', () => {
    const result = parse('IF({销售额}>=100000, "高", ');
    expect(sexpr(result.ast!)).toBe('(IF (>= {销售额} 100000) "高" ?)');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FORMULA_SYNTAX', 'FORMULA_UNBALANCED']);
  });

  it('keeps going after an error to find the next ones', () => {
    const result = parse('1 + $ + {a + foo(1,,2)');
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['FORMULA_UNEXPECTED_CHAR', 'FORMULA_UNTERMINATED_REF']);
    const more = parse('1 +* 2 ) , 3');
    expect(more.diagnostics.map((d) => d.code)).toEqual(['FORMULA_SYNTAX', 'FORMULA_UNBALANCED', 'FORMULA_SYNTAX', 'FORMULA_SYNTAX']);
    expect(more.ast).toBeDefined();
  });

  it('reads ; between arguments as a comma, reporting it once', () => {
    const result = parse('IF({a}>1;"x"；"y")');
    expect(result.diagnostics.map((d) => [d.code, d.start, d.message])).toEqual([
      ['FORMULA_UNEXPECTED_CHAR', 8, 'Separate arguments with a comma , not ;'],
      ['FORMULA_UNEXPECTED_CHAR', 12, 'Separate arguments with a comma , not ；'],
    ]);
    expect(sexpr(result.ast!)).toBe('(IF (> {a} 1) "x" "y")');
  });

  it('reports an empty argument at its place', () => {
    const result = parse('SUM(1,,2)');
    expect(result.diagnostics).toMatchObject([{ code: 'FORMULA_SYNTAX', start: 6, end: 7 }]);
    expect(sexpr(result.ast!)).toBe('(SUM 1 ? 2)');
  });

  it('reads a mismatched quote as closing the text, and says so', () => {
    const result = parse('IF({a},"是”,"否")');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'FORMULA_QUOTE_MISMATCH', start: 7, end: 10 });
  });
});

describe('limits', () => {
  it('refuses more than 8,000 characters', () => {
    const result = parse('1'.repeat(8001));
    expect(result.diagnostics).toMatchObject([{ code: 'FORMULA_TOO_LONG', start: 8000, end: 8001 }]);
    expect(parse(`"${'x'.repeat(7998)}"`).diagnostics).toEqual([]);
  });

  it('allows 64 levels of nesting and refuses 65', () => {
    expect(parse(`${'('.repeat(64)}1${')'.repeat(64)}`).diagnostics).toEqual([]);
    const deep = parse(`${'('.repeat(65)}1${')'.repeat(65)}`);
    expect(deep.diagnostics).toMatchObject([{ code: 'FORMULA_TOO_DEEP', start: 64, end: 65 }]);
    expect(parse(`${'ABS('.repeat(65)}1${')'.repeat(65)}`).diagnostics.map((d) => d.code)).toEqual(['FORMULA_TOO_DEEP']);
  });

  it.each([
    ['10,000 "("', '('.repeat(7999)],
    ['unary minus', `${'-'.repeat(7999)}1`],
    ['percent', `1${'%'.repeat(7999)}`],
    ['chained +', Array(4000).fill('1').join('+')],
    ['nested calls', `${'F('.repeat(2666)}`],
  ])('%s: an error, not a stack overflow', (_name, source) => {
    const result = parse(source);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.length).toBeLessThan(5);
  });

  it.each([
    [')'.repeat(8000)], ['{'.repeat(8000)], ['"”'.repeat(4000)], [','.repeat(8000)], ['a '.repeat(4000)],
    ['\u0001'.repeat(8000)], ['😀'.repeat(4000)], ['F('.repeat(4000)], ["'".repeat(7999)],
  ])('adversarial input of 8,000 characters: at most 100 diagnostics, fast (%#)', (source) => {
    const started = performance.now();
    const result = parse(source);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.length).toBeLessThanOrEqual(100);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('allows a long chain of operators within the tree limit', () => {
    expect(parse(Array(900).fill('{a}').join('&')).diagnostics).toEqual([]);
  });
});
