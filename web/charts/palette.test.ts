import { describe, expect, it } from 'vitest';
import { groupColor as gridGroupColor } from '../grid/group-colors';
import { groupColor, outlineFor, paletteColor, PALETTE, textColorFor, UNCLASSIFIED_COLOR } from './palette';
import { field, tier } from './test-fixtures';

describe('palette', () => {
  it('gives the same colour as the grid chips for declared, undeclared, blank and error values', () => {
    const select = field('s', { type: 'select', options: [{ value: 'x', color: '#123456' }, { value: 'y', color: '' }] });
    const values = ['高', '中', '低', '其他', '华东', '', null, 5, true, { error: '#N/A' as const }, 'x', 'y', 'z'];
    for (const f of [tier, select, field('plain')]) {
      for (const v of values) expect(groupColor(f, v)).toBe(gridGroupColor(f, v));
    }
  });

  it('uses a declared colour, else the palette colour of the position', () => {
    expect(groupColor(tier, '高')).toBe('#fde68a');
    expect(groupColor(tier, '中')).toBe(paletteColor(1));
    expect(groupColor(tier, null)).toBe(UNCLASSIFIED_COLOR);
  });

  it('wraps palette positions and keeps undeclared colours stable', () => {
    expect(paletteColor(PALETTE.length)).toBe(paletteColor(0));
    expect(paletteColor(-1)).toBe(paletteColor(PALETTE.length - 1));
    expect(groupColor(undefined, '华东')).toBe(groupColor(field('other'), '华东'));
  });

  it('darkens outlines and picks readable text', () => {
    expect(outlineFor('#ffffff')).toBe('#8c8c8c');
    expect(outlineFor('not a colour')).toBe('#475569');
    expect(textColorFor('#1e40af')).toBe('#ffffff');
    expect(textColorFor('#fef3c7')).toBe('#1f2937');
  });
});
