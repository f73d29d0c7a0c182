import { describe, expect, it } from 'vitest';
import { compileFormula } from './evaluate';
import { checkFormula } from '../types/checker';
import { fakeLibrary } from '../testing/fake-library';
import { data, schema } from '../testing/fixtures';
import type { TraceNode } from './explain';

const explain = (source: string, row: number, language: 'en' | 'zh-CN' = 'en') => {
  const checked = checkFormula(source, schema, 'tbl_c', { functions: fakeLibrary });
  expect(checked.diagnostics).toEqual([]);
  return compileFormula(checked.formula!).explain(data(), row, language);
};
const outline = (node: TraceNode): unknown => ({
  text: node.text,
  value: node.value,
  ...(node.note === undefined ? {} : { note: node.note }),
  ...(node.children.length === 0 ? {} : { children: node.children.map(outline) }),
});

describe('explain', () => {
  it('traces each evaluated sub-expression with its span and value', () => {
    const source = 'IF({销售额} > 100, "A", "B")';
    const result = explain(source, 0);
    expect(result.value).toBe('A');
    expect(outline(result.trace)).toEqual({
      text: source,
      value: 'A',
      note: 'condition is TRUE: took the value-if-true branch',
      children: [
        { text: '{销售额} > 100', value: true, children: [{ text: '{销售额}', value: 150 }, { text: '100', value: 100 }] },
        { text: '"A"', value: 'A' },
      ],
    });
    expect(result.trace).toMatchObject({ start: 0, end: source.length });
    expect(result.trace.children[0]).toMatchObject({ start: 3, end: 14 });
  });

  it('leaves out branches not taken and says which IFS condition won', () => {
    const result = explain('IFS({销售额}>100,"A",{销售额}>10,"B",TRUE,"C")', 1, 'zh-CN');
    expect(result.value).toBe('B');
    expect(result.trace.note).toBe('第 2 个条件是第一个为 TRUE 的条件');
    expect(result.trace.children.map((c) => c.text)).toEqual(['{销售额}>100', '{销售额}>10', '"B"']);
  });

  it('gives the facts behind a column function and shows its column', () => {
    const result = explain('RANK({销售额},[销售额])', 1);
    expect(result.value).toBe(2);
    expect(result.trace.facts).toEqual([{ label: 'count', value: 3 }]);
    expect(result.trace.note).toBe('count: 3');
    expect(result.trace.children.map((c) => [c.text, c.value])).toEqual([['{销售额}', 50], ['[销售额]', null]]);
    expect(result.trace.children[1]!.note).toBe('the whole column, 3 values');
  });

  it('shows errors as JSON error values and explains plain values', () => {
    expect(explain('{销售额}/0', 0).value).toMatchObject({ error: '#DIV/0!' });
    expect(outline(explain('{备注}', 1).trace)).toEqual({ text: '{备注}', value: null });
    expect(outline(explain('42', 1).trace)).toEqual({ text: '42', value: 42 });
    expect(outline(explain('({销售额}+1)', 0).trace)).toEqual({
      text: '({销售额}+1)',
      value: 151,
      children: [{ text: '{销售额}+1', value: 151, children: [{ text: '{销售额}', value: 150 }, { text: '1', value: 1 }] }],
    });
  });
});
