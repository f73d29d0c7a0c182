import { describe, expect, it } from 'vitest';
import { numberLiteral, tableRef, textLiteral } from './literals';
import { getTemplate, parseFormulaTemplate, renderFormula, renderTemplate, resolveParameters, type Template } from './index';

const t = (id: string): Template => {
  const found = getTemplate(id);
  if (!found) throw new Error(id);
  return found;
};
const formulaOf = (result: ReturnType<typeof renderTemplate>, key: string) =>
  result.ok ? result.outputs.find((o) => o.key === key)?.formula : undefined;

describe('literals', () => {
  it('writes numbers plainly, negatives in parentheses', () => {
    expect(numberLiteral(0.2)).toBe('0.2');
    expect(numberLiteral(100000)).toBe('100000');
    expect(numberLiteral(1e-7)).toBe('0.0000001');
    expect(numberLiteral(-5)).toBe('(-5)');
    expect(() => numberLiteral(Number.NaN)).toThrow();
  });
  it('doubles quotes in text and quotes table names that are not plain identifiers', () => {
    expect(textLiteral('say "hi"')).toBe('"say ""hi"""');
    expect(tableRef('Orders')).toBe('Orders');
    expect(tableRef('订单')).toBe("'订单'");
    expect(tableRef("Tom's orders")).toBe("'Tom''s orders'");
    expect(tableRef('TRUE')).toBe("'TRUE'");
  });
});

describe('formula templates', () => {
  it('splits text and placeholders, leaving text literals alone', () => {
    const parsed = parseFormulaTemplate('IF({input:a}>"{x}",{label:tier.high},[output:b])');
    expect(parsed.problems).toEqual([]);
    expect(parsed.placeholders.map((p) => `${p.kind}:${p.key}:${p.mode}`)).toEqual(['input:a:row', 'label:tier.high:row', 'output:b:column']);
  });

  it('renders with a resolver and refuses what cannot be rendered', () => {
    expect(renderFormula('{input:a}+[input:a]', (p) => (p.mode === 'row' ? '{A}' : '[A]'))).toBe('{A}+[A]');
    expect(() => renderFormula('{input:a}', () => undefined)).toThrow(/cannot be rendered/);
  });
});

describe('renderTemplate', () => {
  it('writes field names as the user sees them, any character but {}[] allowed', () => {
    const name = `Tom's "销售额", (元)：`;
    const result = renderTemplate(t('abc'), { language: 'en', mapping: { amount: name } });
    expect(formulaOf(result, 'abc')).toBe(
      `IF(ISBLANK({${name}}),{${name}},IFS(PARETO([${name}],{${name}})<=0.8,"A",PARETO([${name}],{${name}})<=0.95,"B",TRUE,"C"))`,
    );
  });

  it('labels follow the workbook language', () => {
    const zh = renderTemplate(t('value-tiers'), { language: 'zh-CN', mapping: { amount: '金额' } });
    const en = renderTemplate(t('value-tiers'), { language: 'en', mapping: { amount: 'Amount' } });
    expect(formulaOf(zh, 'tier')).toContain('"高价值客户"');
    expect(formulaOf(en, 'tier')).toContain('"High value"');
    expect(zh.ok && zh.outputs[0]?.name).toBe('价值分层');
    expect(en.ok && en.outputs[0]?.groups?.map((g) => g.value)).toEqual(['High value', 'Mid value', 'Low value']);
    expect(en.ok && en.outputs[0]?.groups?.[0]?.action).toMatch(/priority support/);
  });

  it('uses parameters and picks the variant they select', () => {
    const share = renderTemplate(t('value-tiers'), { language: 'zh-CN', mapping: { amount: '金额' }, parameters: { top: 0.1, next: 0.25 } });
    expect(formulaOf(share, 'tier')).toContain('RANK({金额},[金额])<=0.1*COUNT([金额])');
    expect(formulaOf(share, 'tier')).toContain('<=(0.1+0.25)*COUNT([金额])');
    const th = renderTemplate(t('value-tiers'), {
      language: 'zh-CN',
      mapping: { amount: '金额' },
      parameters: { method: 'thresholds', high: 50000, mid: 8000 },
    });
    expect(formulaOf(th, 'tier')).toBe('IF(ISBLANK({金额}),{金额},IFS({金额}>=50000,"高价值客户",{金额}>=8000,"中价值客户",TRUE,"低价值客户"))');
  });

  it('refers to earlier outputs by their (possibly renamed) names', () => {
    const result = renderTemplate(t('clv'), {
      language: 'zh-CN',
      mapping: { monetary: 'M', frequency: 'F', first_purchase: 'D' },
      outputNames: { clv: 'CLV 2' },
    });
    expect(formulaOf(result, 'clv_tier')).toContain('RANK({CLV 2},[CLV 2])');
    expect(result.ok && result.outputs.map((o) => o.name)).toEqual(['CLV 2', 'CLV 分层']);
  });

  it('skips outputs whose optional input is not mapped, and says so', () => {
    const result = renderTemplate(t('customer-type'), { language: 'zh-CN', mapping: { kind: '类型' } });
    expect(result.ok && result.outputs.map((o) => o.key)).toEqual(['business_model']);
    expect(result.ok && result.skipped).toEqual([
      { key: 'scale', missing: ['employees'] },
      { key: 'sector', missing: ['industry'] },
    ]);
  });

  it('reports every problem with its API code, in the language asked', () => {
    const result = renderTemplate(t('rfm'), {
      language: 'zh-CN',
      mapping: { frequency: '次[数]', recency: 'R' },
      parameters: { bins: 4 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.key])).toEqual([
      ['INVALID_NAME', 'frequency'],
      ['TEMPLATE_UNKNOWN_INPUT', 'recency'],
      ['TEMPLATE_INPUT_MISSING', 'last_purchase'],
      ['TEMPLATE_INPUT_MISSING', 'monetary'],
      ['TEMPLATE_PARAMETER_INVALID', 'bins'],
    ]);
    expect(result.problems.find((p) => p.key === 'monetary')?.message).toBe('请为“消费金额”选择一个字段（数字）');
  });
});

describe('resolveParameters', () => {
  it('fills defaults and checks types, ranges, options and constraints', () => {
    expect(resolveParameters(t('abc'), undefined, 'en')).toEqual({ values: { a: 0.8, b: 0.95 }, problems: [] });
    const bad = resolveParameters(t('value-tiers'), { method: 'median', top: 1.5, next: '0.3' }, 'en');
    expect(bad.problems.map((p) => p.key)).toEqual(['method', 'top', 'next']);
    expect(bad.problems[1]?.message).toBe('parameter "High-value share" must be at most 1');
    expect(resolveParameters(t('value-tiers'), { top: 0.6, next: 0.5 }, 'zh-CN').problems[0]?.message).toBe(
      '参数“高价值比例”与“中价值比例”之和不能大于 1',
    );
    expect(resolveParameters(t('abc'), { a: 0.9, b: 0.85 }, 'en').problems[0]?.message).toBe(
      'parameter "A cut-off (cumulative share)" must not exceed "B cut-off (cumulative share)"',
    );
    expect(resolveParameters(t('lifecycle'), { new_days: 30.5 }, 'en').problems[0]?.code).toBe('TEMPLATE_PARAMETER_INVALID');
  });
});
