import { expect, it } from 'vitest';
import { getTemplate, listTemplates, localizeTemplate, outputNameConflicts, renderTemplate, templateThumbnail } from './index';

it('shows a template in one language, for the gallery', () => {
  const t = getTemplate('rfm');
  if (!t) throw new Error('no rfm');
  const zh = localizeTemplate(t, 'zh-CN');
  expect(zh.name).toBe('RFM 客户分群');
  expect(zh.outputs.find((o) => o.key === 'segment')?.groups[0]).toMatchObject({ key: 'HHH', value: '重要价值客户' });
  expect(zh.fromTransactions).toBe(true);
  const en = localizeTemplate(t, 'en');
  expect(en.charts.map((c) => c.title)).toContain('Customers per segment');
  const vt = getTemplate('value-tiers');
  if (!vt) throw new Error('no value-tiers');
  expect(localizeTemplate(vt, 'en').parameters[0]).toMatchObject({ key: 'method', options: [{ value: 'share' }, { value: 'thresholds' }] });
});

it('finds output names already taken and offers free ones, which renderTemplate then uses', () => {
  const t = getTemplate('clv');
  if (!t) throw new Error('no clv');
  const { conflicts, renamed } = outputNameConflicts(t, 'zh-CN', ['客户名称', ' 客户终身价值 ', '客户终身价值 2']);
  expect(conflicts).toEqual(['clv']);
  expect(renamed).toEqual({ clv: '客户终身价值 3', clv_tier: 'CLV 分层' });
  const r = renderTemplate(t, { language: 'zh-CN', mapping: { monetary: 'M', frequency: 'F', first_purchase: 'D' }, outputNames: renamed });
  expect(r.ok && r.outputs[1]?.formula).toContain('{客户终身价值 3}');
  expect(outputNameConflicts(t, 'en', []).conflicts).toEqual([]);
});

it('draws a thumbnail for every template from its sample data', () => {
  for (const t of listTemplates()) {
    const thumb = templateThumbnail(t, 'en', { customers: 120 });
    expect(thumb, t.id).toBeDefined();
    expect(thumb?.groups.reduce((s, g) => s + g.count, 0)).toBeGreaterThan(90);
  }
});
