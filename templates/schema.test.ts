import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TEMPLATE_DEFINITIONS } from './catalog';
import { CUSTOMER_FIELDS, getTemplate, listTemplates, ORDER_FIELDS, templateSchema, type TemplateDefinition } from './index';

describe('every template', () => {
  it.each(TEMPLATE_DEFINITIONS.map((t) => [t.id, t] as const))('%s validates against the schema', (_id, t) => {
    const parsed = templateSchema.safeParse(t);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has a unique id and is listed in gallery order', () => {
    const ids = listTemplates().map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'value-tiers', 'abc', 'rfm', 'lifecycle', 'purchase-behaviour', 'customer-type', 'geography', 'relationship', 'clv',
    ]);
  });

  it.each(listTemplates().map((t) => [t.id, t] as const))('%s: every group has a description and an action in both languages; samples exist', (_id, t) => {
    for (const o of t.outputs)
      for (const g of o.groups ?? []) {
        for (const text of [g.value, g.description, g.action]) expect(text.zh && text.en).toBeTruthy();
        expect(g.description.zh).not.toBe(g.description.en);
      }
    const generatorFields = (t.sample.generator === 'orders' ? ORDER_FIELDS : CUSTOMER_FIELDS).map((f) => f.key);
    for (const key of Object.values(t.sample.mapping)) expect(generatorFields).toContain(key);
    for (const input of t.inputs) expect(input.synonyms.length).toBeGreaterThan(0);
  });
});

describe('the core schemes keep the ids and keys fixed by API.md', () => {
  const groupKeys = (id: string, output: string) =>
    getTemplate(id)?.outputs.find((o) => o.key === output)?.groups?.map((g) => g.key);
  const keys = (id: string, what: 'inputs' | 'parameters' | 'outputs') => getTemplate(id)?.[what].map((x) => x.key);

  it('value-tiers', () => {
    expect(keys('value-tiers', 'inputs')).toEqual(['amount']);
    expect(keys('value-tiers', 'parameters')).toEqual(['method', 'top', 'next', 'high', 'mid']);
    const defaults = Object.fromEntries(getTemplate('value-tiers')?.parameters.map((p) => [p.key, p.default]) ?? []);
    expect(defaults).toMatchObject({ method: 'share', top: 0.2, next: 0.3 });
    expect(keys('value-tiers', 'outputs')).toEqual(['tier']);
    expect(groupKeys('value-tiers', 'tier')).toEqual(['high', 'mid', 'low']);
  });

  it('abc', () => {
    expect(keys('abc', 'inputs')).toEqual(['amount']);
    expect(getTemplate('abc')?.parameters.map((p) => [p.key, p.default])).toEqual([['a', 0.8], ['b', 0.95]]);
    expect(groupKeys('abc', 'abc')).toEqual(['A', 'B', 'C']);
  });

  it('rfm, with the classic labels', () => {
    expect(keys('rfm', 'inputs')).toEqual(['last_purchase', 'frequency', 'monetary']);
    expect(keys('rfm', 'parameters')).toEqual([]);
    expect(keys('rfm', 'outputs')).toEqual(['r_score', 'f_score', 'm_score', 'segment']);
    for (const score of ['r_score', 'f_score', 'm_score'])
      expect(getTemplate('rfm')?.outputs.find((o) => o.key === score)?.scores, score).toEqual({ from: 1, to: 5 });
    expect(groupKeys('rfm', 'segment')).toEqual(['HHH', 'HHL', 'HLH', 'HLL', 'LHH', 'LHL', 'LLH', 'LLL']);
    const labels = Object.fromEntries(
      getTemplate('rfm')?.outputs.find((o) => o.key === 'segment')?.groups?.map((g) => [g.key, g.value.zh]) ?? [],
    );
    expect(labels).toEqual({
      HHH: '重要价值客户', HLH: '重要发展客户', LHH: '重要保持客户', LLH: '重要挽留客户',
      HHL: '一般价值客户', HLL: '一般发展客户', LHL: '一般保持客户', LLL: '一般挽留客户',
    });
  });

  it('lifecycle', () => {
    expect(keys('lifecycle', 'inputs')).toEqual(['first_purchase', 'last_purchase', 'frequency']);
    expect(groupKeys('lifecycle', 'stage')).toEqual(['prospect', 'new', 'active', 'silent', 'lost']);
    expect(getTemplate('lifecycle')?.parameters.every((p) => p.type === 'number' && p.unit === 'days')).toBe(true);
  });
});

describe('the schema refuses broken templates', () => {
  const base = TEMPLATE_DEFINITIONS.find((t) => t.id === 'value-tiers') as TemplateDefinition;
  const withFormula = (formula: string): TemplateDefinition => ({
    ...base,
    outputs: base.outputs.map((o) => ({ ...o, formula, variants: undefined })),
  });
  const messages = (t: TemplateDefinition) => {
    const parsed = templateSchema.safeParse(t);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it.each([
    ['a field name instead of a placeholder', '{销售额}*2', /not a placeholder/],
    ['an unknown input', '{input:sales}', /unknown input/],
    ['an unknown parameter', '{param:top2}', /unknown parameter/],
    ['a label of no group', '{label:platinum}', /no group "platinum"/],
    ['a column parameter', '[param:top]', /written \{param/],
    ['an output used before it is made', '{output:tier}', /not an output made before/],
    ['orders outside a summary', '[orders:amount]', /only for customer summary/],
    ['an unclosed brace', 'IF({input:amount', /never closed/],
  ])('%s', (_what, formula, message) => {
    expect(messages(withFormula(formula)).join('\n')).toMatch(message);
  });

  it('duplicate keys, a default outside the options, a sample that misses a required input', () => {
    const t: TemplateDefinition = {
      ...base,
      inputs: [...base.inputs, ...base.inputs],
      parameters: base.parameters.map((p) => (p.key === 'method' ? ({ ...p, default: 'median' } as typeof p) : p)),
      sample: { generator: 'customers', mapping: {} },
    };
    const all = messages(t).join('\n');
    expect(all).toMatch(/duplicate key "amount"/);
    expect(all).toMatch(/default "median" is not one of the options/);
    expect(all).toMatch(/required input "amount" has no sample field/);
  });

  it('a group label used twice', () => {
    const t: TemplateDefinition = {
      ...base,
      outputs: base.outputs.map((o) => ({
        ...o,
        groups: o.groups?.map((g) => ({ ...g, value: { zh: '同名', en: g.value.en } })),
      })),
    };
    expect(messages(t).join('\n')).toMatch(/group labels must differ/);
  });

  it('scores on a text output, with groups, or from high to low', () => {
    const t: TemplateDefinition = { ...base, outputs: base.outputs.map((o) => ({ ...o, scores: { from: 5, to: 1 } })) };
    const all = messages(t).join('\n');
    expect(all).toMatch(/groups or scores, not both/);
    expect(all).toMatch(/scores are numbers/);
    expect(all).toMatch(/from a smaller to a larger number/);
  });
});

it('converts to JSON Schema (for GET /api/openapi.json)', () => {
  const json = z.toJSONSchema(templateSchema, { io: 'output', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  expect(Object.keys(json.properties ?? {})).toEqual(expect.arrayContaining(['id', 'name', 'inputs', 'parameters', 'outputs', 'charts']));
});
