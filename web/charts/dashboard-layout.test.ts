import { describe, expect, it } from 'vitest';
import type { Chart } from '../../common';
import { addChart, appendCharts, cardStyle, cardTableNames, moveChart, removeChart, resizeChart } from './dashboard-layout';

const chart = (id: string, y: number, w = 2, h = 1): Chart => ({ id, tableId: 't', kind: 'bar', fields: ['f'], place: { x: 0, y, w, h } });
const ids = (cs: Chart[]) => cs.map((c) => c.id);

describe('dashboard layout', () => {
  const charts = [chart('b', 1), chart('a', 0), chart('c', 2)];

  it('adds at the end, removes and renumbers', () => {
    const added = addChart(charts, chart('d', 0, 9, 0));
    expect(ids(added)).toEqual(['a', 'b', 'c', 'd']);
    expect(added[3]?.place).toEqual({ x: 0, y: 3, w: 4, h: 1 });
    expect(removeChart(added, 'b').map((c) => [c.id, c.place.y])).toEqual([['a', 0], ['c', 1], ['d', 2]]);
  });

  it('appends charts below the others in their own order, under ids no card has', () => {
    const recommended = [chart('b', 1, 4), chart('x', 0), chart('b-2', 2, 0, 9)];
    const next = appendCharts(charts, recommended);
    expect(next.map((c) => [c.id, c.place])).toEqual([
      ['a', { x: 0, y: 0, w: 2, h: 1 }],
      ['b', { x: 0, y: 1, w: 2, h: 1 }],
      ['c', { x: 0, y: 2, w: 2, h: 1 }],
      ['x', { x: 0, y: 3, w: 2, h: 1 }],
      ['b-2', { x: 0, y: 4, w: 4, h: 1 }],
      ['b-2-2', { x: 0, y: 5, w: 2, h: 3 }],
    ]);
    expect(next.slice(0, 3)).toEqual([...charts].sort((p, q) => p.place.y - q.place.y));
    // Applying the same charts again: the ids stay unique.
    const twice = appendCharts(next, recommended);
    expect(new Set(twice.map((c) => c.id)).size).toBe(twice.length);
    expect(appendCharts([], recommended).map((c) => c.id)).toEqual(['x', 'b', 'b-2']);
  });

  it('moves and resizes within bounds', () => {
    expect(ids(moveChart(charts, 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveChart(charts, 'a', -1))).toEqual(['a', 'b', 'c']);
    const r = resizeChart(charts, 'a', 5, 1);
    expect(r[0]?.place).toMatchObject({ w: 4, h: 2 });
    expect(resizeChart(charts, 'a', -5, -5)[0]?.place).toMatchObject({ w: 1, h: 1 });
    expect(cardStyle(chart('x', 0, 3, 2))).toEqual({ gridColumn: 'span 3', gridRow: 'span 2' });
  });

  it('names the table on each card only when the dashboard mixes tables', () => {
    const names = { t: '客户', u: '订单' };
    expect(cardTableNames(charts, names)).toEqual({});
    const mixed = [...charts, { ...chart('d', 3), tableId: 'u' }];
    expect(cardTableNames(mixed, names)).toEqual({ a: '客户', b: '客户', c: '客户', d: '订单' });
  });
});
