import { describe, expect, it } from 'vitest';
import type { Field } from '../api/types';
import { boundsOf, cellToClipboard, inBounds, sizeOf } from './range';

describe('cell ranges', () => {
  it('normalises any drag direction', () => {
    const b = boundsOf({ anchor: { row: 5, col: 3 }, focus: { row: 2, col: 1 } });
    expect(b).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    expect(sizeOf(b)).toEqual({ rows: 4, cols: 3 });
    expect(inBounds(b, 2, 1)).toBe(true);
    expect(inBounds(b, 6, 1)).toBe(false);
  });

  it('copies values in the form Excel reads back', () => {
    const f: Field = { id: 'x', tableId: 't', name: 'x', type: 'number' };
    expect(cellToClipboard(f, 1234.5)).toBe('1234.5');
    expect(cellToClipboard(f, true)).toBe('TRUE');
    expect(cellToClipboard(f, null)).toBe('');
    expect(cellToClipboard(f, { error: '#N/A' })).toBe('#N/A');
    expect(cellToClipboard(f, '2024-01-05')).toBe('2024-01-05');
  });
});
