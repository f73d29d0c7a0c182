import { describe, expect, it } from 'vitest';
import { completionsAt } from './completions';
import { contextAt } from '../syntax/cursor';
import { fakeLibrary } from '../testing/fake-library';
import { schema } from '../testing/fixtures';

const at = (text: string) => {
  const offset = text.indexOf('|');
  return { source: text.replace('|', ''), offset };
};
const complete = (text: string) => {
  const { source, offset } = at(text);
  return completionsAt(source, offset, schema, 'tbl_c', { functions: fakeLibrary });
};

describe('cursor context', () => {
  it('knows references, names and the enclosing call for half-typed input', () => {
    const ctx = (text: string) => {
      const { source, offset } = at(text);
      return contextAt(source, offset);
    };
    expect(ctx('IF({销|')).toMatchObject({ kind: 'field', prefix: '销', from: 3, to: 5, call: { name: 'IF', argIndex: 0 } });
    expect(ctx('SUM(\'Orders 2024\'[Am|')).toMatchObject({ kind: 'column', table: 'Orders 2024', prefix: 'Am', from: 4 });
    expect(ctx('IF({a}>1, RA|')).toMatchObject({ kind: 'name', prefix: 'RA', call: { name: 'IF', argIndex: 1 } });
    expect(ctx('IF(1,SUM(2,3),|')).toMatchObject({ kind: 'value', call: { name: 'IF', argIndex: 2 } });
    expect(ctx('"ab|c"')).toMatchObject({ kind: 'none' });
  });
});

describe('completions', () => {
  it('offers fields inside braces and columns of the named table', () => {
    expect(complete('{销|').options.map((o) => o.apply)).toEqual(['{销售额}']);
    expect(complete("SUM('Orders 2024'[am|").options.map((o) => o.apply)).toEqual(["'Orders 2024'[Amount]"]);
    expect(complete('SUM([|').options.map((o) => o.label)).toContain('First day');
  });

  it('offers functions, constants and tables for a name', () => {
    const result = complete('IF({销售额}>1, ra|');
    expect(result.options.map((o) => [o.kind, o.apply])).toEqual([['function', 'RANK(']]);
    expect(complete('tr|').options.map((o) => o.label)).toEqual(['TRUE']);
    expect(complete('SUM(tom|').options.map((o) => o.apply)).toEqual(["'Tom''s'["]);
    expect(result.call).toEqual({ name: 'IF', argIndex: 1 });
  });
});
