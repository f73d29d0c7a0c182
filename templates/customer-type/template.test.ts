// Customer kinds and free-text industries through the engine.
import { expect, it } from 'vitest';
import { evaluateFormula } from '../../formulas';
import { getTemplate, renderTemplate } from '../index';

function outputs(rows: { K: string | null; E: number | null; I: string | null }[]): Record<string, (string | null)[]> {
  const t = getTemplate('customer-type');
  if (!t) throw new Error('no template');
  const r = renderTemplate(t, { language: 'zh-CN', mapping: { kind: 'K', employees: 'E', industry: 'I' } });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const table = {
    fields: [{ name: 'K', type: 'text' as const }, { name: 'E', type: 'number' as const }, { name: 'I', type: 'text' as const }],
    rows,
  };
  return Object.fromEntries(
    r.outputs.map((o) => {
      const key = new Map(o.groups?.map((g) => [g.value, g.key]));
      return [o.key, evaluateFormula(o.formula, table).map((v) => (v === null ? null : (key.get(String(v)) ?? `?${String(v)}`)))];
    }),
  );
}

it('tells individuals from companies and sizes companies by headcount', () => {
  const result = outputs([
    { K: '企业', E: 1200, I: '汽车零部件制造' },
    { K: '公司', E: 80, I: 'Commercial Bank' },
    { K: ' 个人 ', E: null, I: null },
    { K: 'Individual', E: null, I: null },
    { K: 'B2C', E: null, I: null },
    { K: '企业', E: null, I: '互联网平台' },
    { K: '企业', E: 300, I: '文化传媒' },
    { K: null, E: 10, I: '' },
  ]);
  expect(result.business_model).toEqual(['b2b', 'b2b', 'b2c', 'b2c', 'b2c', 'b2b', 'b2b', null]);
  expect(result.scale).toEqual(['large', 'sme', 'individual', 'individual', 'individual', 'sme', 'large', null]);
  expect(result.sector).toEqual(['manufacturing', 'finance', null, null, null, 'tech', 'other', 'other']);
});
