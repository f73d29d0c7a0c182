// The import preview's notes on a column, in English, say "1 value is" and "2 values are".
import { describe, expect, it } from 'vitest';
import { ColumnStats } from './detect';
import type { StoredAs } from './read-source';

const stats = (values: string[]): ColumnStats => {
  const s = new ColumnStats();
  for (const v of values) s.add(v);
  return s;
};

describe('column problem messages', () => {
  it('counts values that are not numbers in the singular and the plural', () => {
    expect(stats(['1', '2', 'abc']).problems('en')).toEqual(['1 value is not a number (e.g. "abc"), so the column is text']);
    expect(stats(['1', '2', '3', 'abc', 'x']).problems('en')).toEqual(['2 values are not numbers (e.g. "abc"), so the column is text']);
    expect(stats(['1', '2', 'abc']).problems('zh-CN')).toEqual(['1 个值不是数字（如“abc”），所以按文本导入']);
  });

  it('counts dates with a time of day in the singular and the plural', () => {
    expect(stats(['2024-01-01 10:00', '2024-01-02']).problems('en')).toEqual(['1 value has a time of day; only the day is kept']);
    expect(stats(['2024-01-01 10:00', '2024-01-02 11:00']).problems('en')).toEqual(['2 values have a time of day; only the day is kept']);
  });

  it('counts XLSX values that are numbers stored as text, and types nothing else by its text', () => {
    const s = new ColumnStats();
    const cells: [string, StoredAs][] = [['1', 'number'], ['2', 'number'], ['3', 'number'], ['007', 'text'], ['4', 'text'], ['5', 'text']];
    for (const [text, stored] of cells) s.add(text, stored);
    expect(s.type).toBe('text');
    expect(s.problems('en')).toEqual(['2 values are stored as text in the file (e.g. "4"), so the column is text', '1 value is not a number (e.g. "007"), so the column is text']);
    expect(s.problems('zh-CN')[0]).toBe('2 个值在文件中存为文本（如“4”），所以按文本导入');
    const ids = new ColumnStats();
    for (const text of ['110101199058202938', '440305200001011234']) ids.add(text, 'text');
    expect([ids.type, ids.problems('en')]).toEqual(['text', []]);
  });
});
