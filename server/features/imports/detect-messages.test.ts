// The import preview's notes on a column, in English, say "1 value is" and "2 values are".
import { describe, expect, it } from 'vitest';
import { ColumnStats } from './detect';

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
});
