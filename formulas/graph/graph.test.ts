import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createDependencyGraph, type FieldKey, type GraphFormula } from './graph';
import { graphFromSchema } from './from-schema';
import { schema } from '../testing/fixtures';
import { fakeLibrary } from '../testing/fake-library';

const k = (id: string): FieldKey => ({ tableId: id.split('.')[0]!, fieldId: id.split('.')[1]! });
const ids = (keys: readonly FieldKey[]): string[] => keys.map((x) => `${x.tableId}.${x.fieldId}`);
const f = (id: string, refs: string[], usesToday = false): GraphFormula => ({
  ...k(id),
  usesToday,
  references: refs.map((r) => ({ ...k(r.replace(/^\*/, '')), mode: r.startsWith('*') ? 'column' : 'row' })),
});

// c.sales (input) → c.tier = IF({sales}) (row) → c.label = {tier}&… (row)
//                 → c.rank = RANK({sales},[sales]) (column) → c.top = {rank}<=3 (row) ; o.total = SUM(c[rank]) (column)
const formulas = [
  f('c.tier', ['c.sales']),
  f('c.label', ['c.tier', 'c.name']),
  f('c.rank', ['*c.sales']),
  f('c.top', ['c.rank']),
  f('o.total', ['*c.rank']),
  f('c.age', ['c.day'], true),
];
const graph = createDependencyGraph(formulas);

describe('dependency graph', () => {
  it('gives direct dependents with their mode', () => {
    expect(graph.directDependents(k('c.sales'))).toEqual([
      { field: k('c.tier'), mode: 'row' },
      { field: k('c.rank'), mode: 'column' },
    ]);
    expect(graph.directDependents(k('c.label'))).toEqual([]);
  });

  it('splits transitive dependents into row-local and column-wide, across tables', () => {
    const affected = graph.affected([k('c.sales')]);
    expect(ids(affected.rowLocal)).toEqual(['c.tier', 'c.label']);
    expect(ids(affected.columnWide).sort()).toEqual(['c.rank', 'c.top', 'o.total']);
    const order = ids(affected.order);
    expect(order.indexOf('c.rank')).toBeLessThan(order.indexOf('c.top'));
    expect(order.indexOf('c.rank')).toBeLessThan(order.indexOf('o.total'));
    expect(order.indexOf('c.tier')).toBeLessThan(order.indexOf('c.label'));
  });

  it('recomputes what uses TODAY when the as-of date changes', () => {
    expect(ids(graph.affected([], { today: true }).columnWide)).toEqual(['c.age']);
    expect(ids(graph.affected([k('c.name')]).rowLocal)).toEqual(['c.label']);
  });

  it('orders every formula field, dependencies first', () => {
    const order = ids(graph.order());
    expect(order).toHaveLength(6);
    expect(order.indexOf('c.tier')).toBeLessThan(order.indexOf('c.label'));
    expect(graph.cycles()).toEqual([]);
  });

  it('reports cycles with their path instead of throwing', () => {
    const cyclic = createDependencyGraph([f('t.a', ['t.b']), f('t.b', ['*t.c']), f('t.c', ['t.a']), f('t.d', ['t.a']), f('t.e', ['t.x'])]);
    expect(cyclic.cycles().map(ids)).toEqual([['t.a', 't.b', 't.c', 't.a']]);
    expect(ids(cyclic.cycleThrough(k('t.b'))!)).toEqual(['t.b', 't.c', 't.a', 't.b']);
    expect(cyclic.cycleThrough(k('t.d'))).toBeUndefined();
    expect(ids(cyclic.order())).toEqual(['t.e']);
    expect(createDependencyGraph([f('t.a', ['t.a'])]).cycles().map(ids)).toEqual([['t.a', 't.a']]);
  });

  it('is built from a schema\'s stored formulas', () => {
    const fromSchema = graphFromSchema(schema, { functions: fakeLibrary });
    const affected = fromSchema.affected([{ tableId: 'tbl_c', fieldId: 'fld_sales' }]);
    expect(ids(affected.rowLocal)).toEqual(['tbl_c.fld_tier', 'tbl_c.fld_label']);
    expect(ids(affected.columnWide)).toEqual(['tbl_c.fld_rank', 'tbl_o.fld_total']);
  });

  it('handles long chains without recursion', () => {
    const chain = Array.from({ length: 20000 }, (_, i) => f(`t.f${i + 1}`, [`t.f${i}`]));
    const big = createDependencyGraph(chain);
    expect(big.affected([k('t.f0')]).rowLocal).toHaveLength(20000);
    expect(big.cycles()).toEqual([]);
  });

  test.prop([fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.boolean()), { maxLength: 25 })])(
    'any graph: order respects every edge, and every field is ordered or on/after a cycle',
    (edges) => {
      const byField = new Map<number, GraphFormula>();
      for (const [to, from, column] of edges) {
        const formula = byField.get(to) ?? f(`t.n${to}`, []);
        byField.set(to, { ...formula, references: [...formula.references, { ...k(`t.n${from}`), mode: column ? 'column' : 'row' }] });
      }
      const g = createDependencyGraph([...byField.values()]);
      const order = ids(g.order());
      for (const [to, from] of edges) {
        if (order.includes(`t.n${to}`) && byField.has(from)) expect(order.indexOf(`t.n${from}`)).toBeLessThan(order.indexOf(`t.n${to}`));
      }
      const onCycle = new Set(g.cycles().flatMap(ids));
      for (const key of byField.keys()) {
        if (!order.includes(`t.n${key}`)) expect(onCycle.size).toBeGreaterThan(0);
      }
    },
  );
});
