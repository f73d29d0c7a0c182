import { describe, expect, it } from 'vitest';
import type { Field } from '../api/types';
import { completionsAt, highlights, labelsFromFormula, localDiagnostics, renameLabelsInFormula, toSchema } from './formula-lang';

const fields: Field[] = [
  { id: 'c1', tableId: 't1', name: '销售额', type: 'number' },
  { id: 'c2', tableId: 't1', name: '省份', type: 'select', options: [] },
];
const schema = toSchema([{ id: 't1', name: '客户', fields }]);

describe('formula editor language', () => {
  it('highlights functions, refs, strings, numbers and full-width commas', () => {
    const src = 'IFS({销售额}>=10000，"高"，TRUE，"低")';
    const h = highlights(src);
    const at = (cls: string) => h.filter((x) => x.cls === cls).map((x) => src.slice(x.from, x.to));
    expect(at('f-function')).toEqual(['IFS']);
    expect(at('f-field')).toEqual(['{销售额}']);
    expect(at('f-string')).toEqual(['"高"', '"低"']);
    expect(at('f-number')).toEqual(['10000']);
    expect(at('f-bool')).toEqual(['TRUE']);
    expect(at('f-punct')).toContain('，');
  });

  it('finds no error in a correct formula with Chinese names and full-width punctuation', () => {
    expect(localDiagnostics('IFS({销售额}>=10000，"高"，TRUE，"低")', schema, 't1', 'zh-CN')).toEqual([]);
  });

  it('reports an unknown field with its position, in the user language', () => {
    const src = '{销售} * 2';
    const d = localDiagnostics(src, schema, 't1', 'zh-CN');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]?.code).toBe('FORMULA_UNKNOWN_FIELD');
    expect(src.slice(d[0]?.start, d[0]?.end)).toContain('销售');
    expect(d[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('completes fields after { and [ and functions by prefix', () => {
    const f = completionsAt('IF({销', 5, fields, 'en');
    expect(f?.from).toBe(3);
    expect(f?.options.map((o) => o.apply)).toEqual(['{销售额}']);
    expect(completionsAt('{', 1, fields, 'en')?.options.map((o) => o.apply)).toEqual(['{销售额}', '{省份}']);
    expect(completionsAt('{xyz', 4, fields, 'en')).toBeNull();
    const c = completionsAt('RANK({销售额}, [', 15, fields, 'en');
    expect(c?.options[0]?.apply).toBe('[销售额]');
    const fn = completionsAt('=IF', 3, fields, 'zh-CN');
    expect(fn?.options.map((o) => o.label)).toEqual(expect.arrayContaining(['IF', 'IFS', 'IFERROR']));
    expect(fn?.options.find((o) => o.label === 'IF')?.apply).toBe('IF(');
    expect(completionsAt('1 + ', 4, fields, 'en')).toBeNull();
  });
});

describe('labels of a grouping formula', () => {
  it('takes result texts in order, not compared ones', () => {
    expect(labelsFromFormula('IFS({销售额}>=10000，"高"，{销售额}>=3000，"中"，TRUE，"低")')).toEqual(['高', '中', '低']);
    expect(labelsFromFormula('IF({省份}="浙江","华东",IF({省份}="北京","华北","其他"))')).toEqual(['华东', '华北', '其他']);
    expect(labelsFromFormula('{a}&"x"')).toEqual([]);
  });
});

describe('renaming group labels in a formula', () => {
  it('replaces the text literals only, keeping the rest as typed', () => {
    const src = 'IFS({销售额}>=10000，"高"，{备注}="高"，“中”，TRUE，"低")';
    expect(renameLabelsInFormula(src, new Map([['高', '高价值'], ['中', '中"价值']]))).toBe('IFS({销售额}>=10000，"高价值"，{备注}="高价值"，"中""价值"，TRUE，"低")');
  });
});
