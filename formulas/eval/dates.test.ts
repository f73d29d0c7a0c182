import { describe, expect, test } from 'vitest';
import { addMonths, dayOfWeek, isoFromSerial, partsFromSerial, serialFromDateText, serialFromIso, serialFromParts } from './dates';
import { fromCellValue, toCellValue } from './convert';
import { DateValue, ErrorValue } from './values';

describe('Excel serials (1900 system)', () => {
  test.each<[string, number]>([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-02-29', 60], // Excel's fictitious day
    ['1900-03-01', 61],
    ['1970-01-01', 25569],
    ['2000-02-29', 36585],
    ['2024-01-31', 45322],
    ['9999-12-31', 2958465],
  ])('%s ↔ %d', (iso, serial) => {
    expect(serialFromIso(iso)).toBe(serial);
    expect(isoFromSerial(serial)).toBe(iso);
  });

  test.each(['1899-12-31', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-1', '10000-01-01', 'x', '2100-02-29'])(
    '%s is not a date',
    (iso) => expect(serialFromIso(iso)).toBeUndefined(),
  );

  test('serial 0 reads 1900-01-00, as Excel shows it; fractions are dropped', () => {
    expect(isoFromSerial(0)).toBe('1900-01-00');
    expect(partsFromSerial(0)).toEqual([1900, 1, 0]);
    expect(isoFromSerial(45322.99)).toBe('2024-01-31');
  });

  test('months and days roll over as in DATE', () => {
    expect(serialFromParts(2024, 14, 1)).toBe(serialFromIso('2025-02-01'));
    expect(serialFromParts(2024, 1, 0)).toBe(serialFromIso('2023-12-31'));
    expect(serialFromParts(2024, -1, 1)).toBe(serialFromIso('2023-11-01'));
    expect(serialFromParts(1900, 1, 60)).toBe(60);
  });

  test('weekday: serial 1 is a Sunday in Excel', () => {
    expect(dayOfWeek(1)).toBe(0);
    expect(dayOfWeek(45322)).toBe(3); // Wednesday
  });

  test('EDATE/EOMONTH month ends', () => {
    const s = (iso: string): number => serialFromIso(iso) ?? NaN;
    expect(isoFromSerial(addMonths(s('2024-01-31'), 1, false))).toBe('2024-02-29');
    expect(isoFromSerial(addMonths(s('2023-01-31'), 1, false))).toBe('2023-02-28');
    expect(isoFromSerial(addMonths(s('2024-08-31'), -2, false))).toBe('2024-06-30');
    expect(isoFromSerial(addMonths(s('2024-02-29'), 12, false))).toBe('2025-02-28');
    expect(isoFromSerial(addMonths(s('2024-02-10'), 0, true))).toBe('2024-02-29');
    expect(isoFromSerial(addMonths(s('2024-12-10'), 2, true))).toBe('2025-02-28');
  });

  test('date text', () => {
    expect(serialFromDateText('2024/1/31')).toBe(45322);
    expect(serialFromDateText('2024.01.31')).toBe(45322);
    expect(serialFromDateText('2024年1月31日')).toBe(45322);
    expect(serialFromDateText('1/31/2024')).toBe(45322);
    expect(serialFromDateText('31/1/2024')).toBeUndefined();
  });
});

describe('JSON forms', () => {
  test('toCellValue', () => {
    expect(toCellValue(new DateValue(45322))).toBe('2024-01-31');
    expect(toCellValue(new DateValue(-1))).toMatchObject({ error: '#NUM!' });
    expect(toCellValue(NaN)).toMatchObject({ error: '#NUM!' });
    expect(toCellValue(Infinity)).toMatchObject({ error: '#NUM!' });
    expect(Object.is(toCellValue(-0), 0)).toBe(true);
    expect(toCellValue(new ErrorValue('#N/A'), 'zh-CN')).toEqual({ error: '#N/A', message: '没有可用的值。' });
    expect(toCellValue(null)).toBe(null);
    expect(toCellValue('x'.repeat(40000))).toMatchObject({ error: '#VALUE!' });
  });

  test('toCellValue keeps text well-formed: half an emoji (LEFT cuts by UTF-16 unit) becomes U+FFFD', () => {
    expect(toCellValue('a\u{1F600}'.slice(0, 2))).toBe('a\uFFFD');
    expect(toCellValue('\uDE00x\uD83D')).toBe('\uFFFDx\uFFFD');
    expect(toCellValue('a\u{1F600}b')).toBe('a\u{1F600}b');
  });

  test('fromCellValue', () => {
    expect(fromCellValue('2024-01-31', 'date')).toEqual(new DateValue(45322));
    expect(fromCellValue('2024-01-31', 'text')).toBe('2024-01-31');
    expect(fromCellValue('soon', 'date')).toBe('soon');
    expect(fromCellValue(undefined, 'number')).toBe(null);
    expect(fromCellValue({ error: '#DIV/0!', message: 'x' }, 'number')).toMatchObject({ code: '#DIV/0!' });
  });
});
