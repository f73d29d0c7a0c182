import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_FIELDS,
  listTemplates,
  normalizeName,
  ORDER_FIELDS,
  suggestOrdersMapping,
  suggestTemplateMapping,
  templateSample,
  type FieldInfo,
} from './index';

describe('suggestMapping', () => {
  it.each(listTemplates().flatMap((t) => (['zh-CN', 'en'] as const).map((l) => [t.id, l] as const)))(
    '%s (%s): suggests the sample mapping for the sample table',
    (id, language) => {
      const t = listTemplates().find((x) => x.id === id);
      if (!t) throw new Error(id);
      const sample = templateSample(t, { language, customers: 5 });
      const fields: FieldInfo[] = sample.table.fields;
      const suggestion = suggestTemplateMapping(id, fields, language);
      expect(suggestion?.mapping).toEqual(sample.mapping);
      expect(suggestion?.missing).toEqual([]);
    },
  );

  it('uses synonyms, ignoring case, width, spaces and punctuation', () => {
    expect(normalizeName(' Ｓales_Amount（元） ')).toBe('salesamount元');
    const fields: FieldInfo[] = [
      { name: '客户名称', type: 'text' },
      { name: '消费金额（元）', type: 'number' },
      { name: 'Sales', type: 'number' },
    ];
    const s = suggestTemplateMapping('abc', fields, 'zh-CN');
    expect(s?.mapping).toEqual({ amount: 'Sales' }); // an exact synonym beats a partial one
    expect(s?.inputs[0]?.candidates.map((c) => c.field)).toEqual(['Sales', '消费金额（元）']);
  });

  it('follows types: a formula field by its result type, a select as text', () => {
    const fields: FieldInfo[] = [
      { name: '最近购买日期', type: 'formula', resultType: 'date' },
      { name: '购买次数', type: 'number' },
      { name: '金额', type: 'formula', resultType: 'number' },
    ];
    expect(suggestTemplateMapping('rfm', fields, 'zh-CN')?.mapping).toEqual({
      last_purchase: '最近购买日期',
      frequency: '购买次数',
      monetary: '金额',
    });
    expect(suggestTemplateMapping('geography', [{ name: '省份', type: 'select' }], 'zh-CN')?.mapping).toEqual({ province: '省份' });
  });

  it('explains a missing input: a name that fits with the wrong type, or nothing that fits', () => {
    const wrong = suggestTemplateMapping('value-tiers', [{ name: '金额', type: 'text' }], 'zh-CN');
    expect(wrong?.mapping).toEqual({});
    expect(wrong?.missing[0]?.message).toBe(
      '字段“金额”看起来是“消费金额”，但它是文本类型，“消费金额”需要数字类型：请修改该字段的类型，或选择其他字段。',
    );
    const none = suggestTemplateMapping('value-tiers', [{ name: '备注', type: 'text' }], 'en');
    expect(none?.missing[0]).toMatchObject({ key: 'amount', required: true });
    expect(none?.missing[0]?.message).toMatch(/^No field named like "Amount" \(number, e\.g\. "GMV", "monetary", "amount"\) was found: the table has no number field yet\.$/);
    const pickable = suggestTemplateMapping('value-tiers', [{ name: '数值', type: 'number' }], 'zh-CN');
    expect(pickable?.missing[0]?.message).toMatch(/请从列表中手动选择/);
    expect(pickable?.inputs[0]?.candidates).toEqual([{ field: '数值', score: 0 }]);
  });

  it('marks optional inputs as optional', () => {
    const s = suggestTemplateMapping('geography', [{ name: '省份', type: 'text' }], 'zh-CN');
    expect(s?.missing.map((m) => [m.key, m.required])).toEqual([['city', false], ['country', false]]);
    expect(s?.missing[0]?.message).toMatch(/该输入可选/);
  });

  it('suggests the orders mapping for "from transactions", each field at most once', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const fields = ORDER_FIELDS.map((f) => ({ name: language === 'en' ? f.name.en : f.name.zh, type: f.type }));
      const s = suggestOrdersMapping(fields, language);
      const name = (key: string) => {
        const f = ORDER_FIELDS.find((x) => x.key === key);
        return language === 'en' ? f?.name.en : f?.name.zh;
      };
      expect(s.mapping).toEqual({
        customer: name('customer_id'),
        date: name('date'),
        amount: name('amount'),
        order: name('order_id'),
        channel: name('channel'),
      });
    }
    // CDNOW-like headers.
    expect(
      suggestOrdersMapping(
        [{ name: 'customer_id', type: 'number' }, { name: 'date', type: 'date' }, { name: 'quantity', type: 'number' }, { name: 'amount', type: 'number' }],
        'en',
      ).mapping,
    ).toEqual({ customer: 'customer_id', date: 'date', amount: 'amount' });
    expect(CUSTOMER_FIELDS.length).toBeGreaterThan(0);
  });
});
