import { describe, expect, it } from 'vitest';
import { getTemplate, type Template, type TemplateParameter } from '../../../templates';
import type { Field } from '../../api/types';
import {
  defaultParameterTexts, duplicateInputs, formatParameter, initialMapping, mappingBody, missingRequired, parseParameter, parseParameters,
} from './logic';
import { templateMessages } from './messages';

const field = (id: string, name: string, type: Field['type'], resultType?: Field['resultType']): Field =>
  ({ id, tableId: 't', name, type, ...(resultType ? { resultType } : {}) }) as Field;

const rfm = getTemplate('rfm') as Template;
const tiers = getTemplate('value-tiers') as Template;

describe('initialMapping', () => {
  it('maps inputs to field ids by names and synonyms', () => {
    const fields = [field('f1', '客户', 'text'), field('f2', '最近购买日期', 'date'), field('f3', '购买次数', 'number'), field('f4', '消费金额', 'number')];
    const { mapping, messages } = initialMapping(rfm, fields, 'zh-CN');
    expect(mapping).toMatchObject({ last_purchase: 'f2', frequency: 'f3', monetary: 'f4' });
    expect(missingRequired(rfm, mapping)).toEqual([]);
    expect(Object.keys(messages).filter((k) => rfm.inputs.find((i) => i.key === k)?.required)).toEqual([]);
  });
  it('leaves unmatched inputs empty with an explanation in the language', () => {
    const { mapping, messages } = initialMapping(tiers, [field('f1', 'Name', 'text')], 'en');
    expect(mapping.amount).toBe('');
    expect(missingRequired(tiers, mapping)).toEqual(['amount']);
    expect(messages.amount).toMatch(/No field/);
    const zh = initialMapping(tiers, [field('f1', 'Name', 'text')], 'zh-CN');
    expect(zh.messages.amount).toMatch(/没有找到/);
  });
  it('explains a field of the wrong type', () => {
    const { mapping, messages } = initialMapping(tiers, [field('f1', 'Amount', 'text')], 'en');
    expect(mapping.amount).toBe('');
    expect(messages.amount).toMatch(/"Amount"/);
  });
});

describe('mapping state', () => {
  it('finds the same field chosen twice and drops unmapped inputs from the body', () => {
    expect(duplicateInputs({ a: 'f1', b: 'f1', c: '', d: '' })).toEqual(['b']);
    expect(duplicateInputs({ a: 'f1', b: 'f2' })).toEqual([]);
    expect(mappingBody({ a: 'f1', b: '' })).toEqual({ a: 'f1' });
  });
});

describe('parameters', () => {
  const share: TemplateParameter = { key: 'top', type: 'number', name: { zh: '前', en: 'Top' }, default: 0.2, unit: 'share', min: 0, max: 1 };
  const days: TemplateParameter = { key: 'd', type: 'number', name: { zh: '天', en: 'Days' }, default: 90, unit: 'days', integer: true, min: 1 };
  it('shows shares as percentages and reads them back', () => {
    expect(formatParameter(share, 0.2)).toBe('20');
    expect(formatParameter(share, 0.07)).toBe('7');
    expect(parseParameter(share, '20')).toEqual({ ok: true, value: 0.2 });
    expect(parseParameter(share, ' 35% ')).toEqual({ ok: true, value: 0.35 });
    expect(parseParameter(share, '12.5％')).toEqual({ ok: true, value: 0.125 });
  });
  it('rejects non-numbers, fractions of integers and out-of-range values', () => {
    expect(parseParameter(share, 'abc')).toMatchObject({ ok: false, reason: 'number' });
    expect(parseParameter(share, '')).toMatchObject({ ok: false, reason: 'number' });
    expect(parseParameter(share, '150')).toMatchObject({ ok: false, reason: 'max', limit: 1 });
    expect(parseParameter(days, '1.5')).toMatchObject({ ok: false, reason: 'integer' });
    expect(parseParameter(days, '0')).toMatchObject({ ok: false, reason: 'min', limit: 1 });
    expect(parseParameter(days, '1,000')).toEqual({ ok: true, value: 1000 });
  });
  it('parses text, select and boolean parameters', () => {
    expect(parseParameter({ key: 'm', type: 'select', name: { zh: '', en: '' }, default: 'share', options: [{ value: 'share', name: { zh: '', en: '' } }] }, 'share')).toEqual({ ok: true, value: 'share' });
    expect(parseParameter({ key: 'b', type: 'boolean', name: { zh: '', en: '' }, default: true }, 'false')).toEqual({ ok: true, value: false });
  });
  it("round-trips every template's defaults", () => {
    for (const id of ['value-tiers', 'abc', 'rfm', 'lifecycle']) {
      const t = getTemplate(id) as Template;
      const { values, errors } = parseParameters(t, defaultParameterTexts(t));
      expect(errors).toEqual({});
      for (const p of t.parameters) expect(values[p.key]).toEqual(p.default);
    }
  });
});

describe('messages', () => {
  it('has the same keys in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(templateMessages['zh-CN']).sort()).toEqual(keys(templateMessages.en).sort());
  });
});
