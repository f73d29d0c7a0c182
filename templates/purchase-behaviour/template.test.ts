// Channel values recognised through the parameter lists, including edited lists, by the engine.
import { expect, it } from 'vitest';
import { evaluateFormula } from '../../formulas';
import { getTemplate, renderTemplate } from '../index';

function channelTypes(values: (string | null)[], parameters?: Record<string, unknown>): (string | null)[] {
  const t = getTemplate('purchase-behaviour');
  if (!t) throw new Error('no template');
  const r = renderTemplate(t, { language: 'en', mapping: { frequency: 'F', amount: 'A', channel: 'Ch' }, ...(parameters ? { parameters } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const out = r.outputs.find((o) => o.key === 'channel_type');
  const key = new Map(out?.groups?.map((g) => [g.value, g.key]));
  const table = {
    fields: [{ name: 'F', type: 'number' as const }, { name: 'A', type: 'number' as const }, { name: 'Ch', type: 'text' as const }],
    rows: values.map((Ch) => ({ F: 1, A: 1, Ch })),
  };
  return evaluateFormula(out?.formula ?? '', table).map((v) => key.get(String(v)) ?? null);
}

it('sorts channel values into online, offline, mixed and other, ignoring case and spaces', () => {
  expect(channelTypes(['线上', '天猫', ' 京东 ', 'Tmall', 'E-Commerce', '门店', 'Offline', 'Dealer', '混合', 'Omni-Channel', '展会', '电视购物', '', null])).toEqual([
    'online', 'online', 'online', 'online', 'online', 'offline', 'offline', 'offline', 'mixed', 'mixed', 'offline', 'other', 'other', 'other',
  ]);
});

it('follows edited lists, written with full-width commas and spaces', () => {
  expect(channelTypes(['电视购物', '线上', '门店'], { online_values: '电视购物， 直播', offline_values: '门店' })).toEqual(['online', 'other', 'offline']);
});
