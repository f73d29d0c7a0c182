import { describe, expect, it } from 'vitest';
import type { Field, Row } from '../api/types';
import { rowLabel } from './row-label';

const fields: Field[] = [
  { id: 'tier', tableId: 't', name: '等级', type: 'formula', formula: '1' },
  { id: 'name', tableId: 't', name: '客户名称', type: 'text' },
  { id: 'sales', tableId: 't', name: '销售额', type: 'number' },
];
const row = (cells: Row['cells']): Row => ({ id: 'r1', version: 1, cells });

describe('row label', () => {
  it('names a row by its first non-formula field', () => {
    expect(rowLabel(fields, row({ tier: '高', name: ' 华信科技有限公司 ', sales: 5 }), 'zh-CN')).toBe('华信科技有限公司');
  });

  it('formats a number the way the grid shows it', () => {
    expect(rowLabel([fields[2] as Field], row({ sales: 12345 }), 'en')).toBe('12,345');
  });

  it('is empty for a blank or error cell, or a row not loaded', () => {
    expect(rowLabel(fields, row({ name: null }), 'en')).toBe('');
    expect(rowLabel(fields, row({ name: { error: '#N/A' } }), 'en')).toBe('');
    expect(rowLabel(fields, undefined, 'en')).toBe('');
  });
});
