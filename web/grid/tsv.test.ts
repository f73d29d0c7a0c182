import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parseTsv, serializeTsv } from './tsv';

describe('TSV', () => {
  it('reads rows and cells, with CRLF and a final line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty cells and empty lines inside the range', () => {
    expect(parseTsv('a\t\tc\n\t\t\n')).toEqual([['a', '', 'c'], ['', '', '']]);
    expect(parseTsv('x\n\ny\n')).toEqual([['x'], [''], ['y']]);
  });

  it('reads quoted cells with newlines, tabs and doubled quotes (Excel/WPS)', () => {
    expect(parseTsv('"第一行\n第二行"\t"说""好"""\r\n"a\tb"\tz\r\n')).toEqual([
      ['第一行\n第二行', '说"好"'],
      ['a\tb', 'z'],
    ]);
  });

  it('treats a quote that does not wrap the whole cell as text', () => {
    expect(parseTsv('5" screen\tok\n"abc"d\tx')).toEqual([['5" screen', 'ok'], ['"abc"d', 'x']]);
  });

  it('gives nothing for empty text', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('writes cells that need it in quotes', () => {
    expect(serializeTsv([['a', 'b\nc'], ['say "hi"', '']])).toBe('a\t"b\nc"\r\n"say ""hi"""\t\r\n');
  });

  test.prop([fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 })])(
    'parse(serialize(x)) = x for rectangular ranges of two or more columns',
    (rows) => {
      const width = rows[0]?.length ?? 0;
      const rect = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      expect(parseTsv(serializeTsv(rect))).toEqual(rect);
    },
  );
});
