import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../i18n/locale';
import { formatHash, parseHash } from './hash';
import { selectionStats } from './selection';

describe('hash', () => {
  it('round-trips workbook and table ids', () => {
    const loc = { workbookId: 'wb 1', tableId: 't/2' };
    expect(parseHash(formatHash(loc))).toEqual(loc);
    expect(parseHash('')).toEqual({ workbookId: null, tableId: null });
    expect(formatHash({ workbookId: null, tableId: 'x' })).toBe('');
  });
});

describe('language choice', () => {
  it('prefers the stored choice, then the browser, then English', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage('fr', ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, ['de'])).toBe('en');
  });
});

describe('selection stats', () => {
  it('counts non-blank cells and sums numbers as Excel', () => {
    expect(selectionStats([1, 2, null, 'x', 3, ''])).toEqual({ count: 4, numeric: 3, sum: 6, avg: 2 });
    expect(selectionStats([])).toEqual({ count: 0, numeric: 0, sum: 0, avg: 0 });
  });
});
