import { describe, expect, it } from 'vitest';
import { emptyOverlayParams, emptyOverlaySelector, EmptyRowsOverlay, isViewFiltered } from './empty-overlay';

const texts = { noRows: 'No rows yet', noMatch: 'No rows match.', clearFilters: 'Clear filters' };
const onClear = () => undefined;

describe('empty-table overlay', () => {
  it('counts the search box and any column filter as filtering', () => {
    expect(isViewFiltered('', {})).toBe(false);
    expect(isViewFiltered('  ', null)).toBe(false);
    expect(isViewFiltered('zzz', {})).toBe(true);
    expect(isViewFiltered(undefined, { prov: { filterType: 'text', type: 'contains', filter: '江' } })).toBe(true);
  });

  it('says "no rows match" with a way back when filtered, the paste/import hint otherwise', () => {
    expect(emptyOverlayParams(true, texts, onClear)).toEqual({ text: 'No rows match.', clearLabel: 'Clear filters', onClear });
    expect(emptyOverlayParams(false, texts, onClear)).toEqual({ text: 'No rows yet' });
  });

  it('draws both empty overlays (AG Grid only knows its own filters, not the search) and leaves the others', () => {
    const select = emptyOverlaySelector(() => emptyOverlayParams(true, texts, onClear));
    const common = { api: undefined as never, context: undefined };
    expect(select({ ...common, overlayType: 'noRows' })).toMatchObject({ component: EmptyRowsOverlay, params: { text: 'No rows match.' } });
    expect(select({ ...common, overlayType: 'noMatchingRows' })).toMatchObject({ component: EmptyRowsOverlay });
    expect(select({ ...common, overlayType: 'loading' })).toBeUndefined();
  });
});
