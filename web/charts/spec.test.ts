import { describe, expect, it } from 'vitest';
import { chartToSpec, isCompleteSpec, specToChart, type ChartSpec } from './spec';

describe('spec ↔ dashboard chart', () => {
  it('round-trips through the wire Chart', () => {
    const spec: ChartSpec = { tableId: 't', kind: 'pareto', groupBy: ['abc'], measure: { op: 'sum', fieldId: 'amount' }, labelFieldId: 'name' };
    const chart = specToChart(spec, { id: 'c1', place: { x: 0, y: 0, w: 2, h: 1 }, title: 'ABC' });
    expect(chart).toEqual({ id: 'c1', place: { x: 0, y: 0, w: 2, h: 1 }, title: 'ABC', tableId: 't', kind: 'pareto', fields: ['abc'], measures: [{ op: 'sum', fieldId: 'amount' }], options: { labelFieldId: 'name' } });
    expect(chartToSpec(chart)).toEqual(spec);
  });

  it('rejects unknown kinds and checks what each kind needs', () => {
    expect(chartToSpec({ id: 'c', tableId: 't', kind: 'radar', fields: [], place: { x: 0, y: 0, w: 1, h: 1 } })).toBeNull();
    expect(isCompleteSpec({ tableId: 't', kind: 'crosstab', groupBy: ['a'], measure: { op: 'count' } })).toBe(false);
    expect(isCompleteSpec({ tableId: 't', kind: 'histogram', groupBy: [], measure: { op: 'count' } })).toBe(false);
    expect(isCompleteSpec({ tableId: 't', kind: 'donut', groupBy: ['a'], measure: { op: 'count' } })).toBe(true);
  });
});
