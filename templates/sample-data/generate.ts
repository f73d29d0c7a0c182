// Seeded, deterministic sample data: a customer list and two years of orders, consistent with each other
// (the customer list's purchase columns summarize the orders, as "from transactions" would).

import type { Language } from '../literals';
import { FOREIGN_PLACES, PROVINCES, type Province } from '../geography/regions';
import { dayFromIso, isoFromDay } from './dates';
import { createRandom, type Random } from './prng';
import {
  CHANNELS,
  COMPANY_WORDS,
  GIVEN_CHARS,
  INDUSTRIES,
  KINDS,
  OFFLINE_PLATFORMS,
  ONLINE_PLATFORMS,
  REGION_WEIGHTS,
  SURNAMES,
} from './vocabulary';

export type SampleValue = string | number | boolean | null;
type Text = { readonly zh: string; readonly en: string };

export interface SampleField {
  readonly key: string;
  readonly name: Text;
  readonly type: 'text' | 'number' | 'date' | 'boolean';
}

export interface SampleTable {
  readonly key: 'customers' | 'orders';
  readonly name: Text;
  readonly fields: readonly SampleField[];
  /** Keyed by field key; dates as "YYYY-MM-DD", blanks as null. */
  readonly rows: readonly Record<string, SampleValue>[];
}

export interface SampleData {
  /** The as-of date the data is made for (what TODAY() should be). */
  readonly asOf: string;
  readonly customers: SampleTable;
  readonly orders: SampleTable;
}

export interface SampleOptions {
  readonly seed?: number;
  /** Number of customers (default 300). */
  readonly customers?: number;
  /** Number of orders (default 10 per customer). */
  readonly orders?: number;
  /** Language of categorical values (kinds, industries, places, channels); names stay Chinese. */
  readonly language?: Language;
  /** The last day of the two years of orders (default 2025-12-31). */
  readonly asOf?: string;
}

export const DEFAULT_SEED = 20251231;
export const DEFAULT_AS_OF = '2025-12-31';
export const MAX_SAMPLE_ROWS = 200_000;

export const CUSTOMER_FIELDS: readonly SampleField[] = [
  { key: 'customer_id', name: { zh: '客户编号', en: 'Customer ID' }, type: 'text' },
  { key: 'name', name: { zh: '客户名称', en: 'Customer name' }, type: 'text' },
  { key: 'kind', name: { zh: '客户类型', en: 'Customer type' }, type: 'text' },
  { key: 'industry', name: { zh: '行业', en: 'Industry' }, type: 'text' },
  { key: 'employees', name: { zh: '员工人数', en: 'Employees' }, type: 'number' },
  { key: 'country', name: { zh: '国家/地区', en: 'Country' }, type: 'text' },
  { key: 'province', name: { zh: '省份', en: 'Province' }, type: 'text' },
  { key: 'city', name: { zh: '城市', en: 'City' }, type: 'text' },
  { key: 'channel', name: { zh: '购买渠道', en: 'Channel' }, type: 'text' },
  { key: 'first_purchase', name: { zh: '首次购买日期', en: 'First purchase' }, type: 'date' },
  { key: 'last_purchase', name: { zh: '最近购买日期', en: 'Last purchase' }, type: 'date' },
  { key: 'frequency', name: { zh: '购买次数', en: 'Purchases' }, type: 'number' },
  { key: 'monetary', name: { zh: '累计消费金额', en: 'Total spend' }, type: 'number' },
];

export const ORDER_FIELDS: readonly SampleField[] = [
  { key: 'order_id', name: { zh: '订单号', en: 'Order ID' }, type: 'text' },
  { key: 'customer_id', name: { zh: '客户编号', en: 'Customer ID' }, type: 'text' },
  { key: 'customer_name', name: { zh: '客户名称', en: 'Customer name' }, type: 'text' },
  { key: 'date', name: { zh: '下单日期', en: 'Order date' }, type: 'date' },
  { key: 'amount', name: { zh: '订单金额', en: 'Amount' }, type: 'number' },
  { key: 'channel', name: { zh: '渠道', en: 'Channel' }, type: 'text' },
  { key: 'platform', name: { zh: '平台/门店', en: 'Platform' }, type: 'text' },
];

interface Customer {
  id: string;
  name: string;
  kind: Text;
  industry: Text | null;
  employees: number | null;
  country: Text | null;
  province: string | null;
  city: string | null;
  preference: 'online' | 'offline' | 'mixed';
  start: number;
  end: number;
  buys: boolean;
  weight: number;
  scale: number;
}

const PROVINCE_FORMS = ['full', 'short', 'short', 'full'] as const;

function personName(random: Random): string {
  const given = random.chance(0.7) ? random.pick(GIVEN_CHARS) + random.pick(GIVEN_CHARS) : random.pick(GIVEN_CHARS);
  return random.pick(SURNAMES) + given;
}

function place(random: Random, language: Language): Pick<Customer, 'country' | 'province' | 'city'> & { cityZh: string | null } {
  // Every draw is made whatever the language, so both languages describe the same customers.
  const china: Text = { zh: '中国', en: 'China' };
  const roll = random.next();
  const foreign = random.pick(FOREIGN_PLACES);
  const unknown = random.pick(['不详', '—']);
  const region = random.weighted(Object.keys(REGION_WEIGHTS), (r) => REGION_WEIGHTS[r] ?? 0);
  const province: Province = random.pick(PROVINCES.filter((p) => p.region === region));
  const city = random.pick(province.cities);
  const citySuffix = random.chance(0.5);
  const form = random.pick(PROVINCE_FORMS);
  const provinceSuffix = random.chance(0.3);
  const cityOnly = random.chance(0.05);
  const countryKnown = random.chance(0.85);
  if (roll < 0.04)
    return { country: foreign.country, province: null, city: language === 'en' ? foreign.city.en : foreign.city.zh, cityZh: foreign.city.zh };
  if (roll < 0.05) return { country: china, province: unknown, city: null, cityZh: null };
  if (roll < 0.06) return { country: null, province: null, city: null, cityZh: null };
  const cityName = language === 'en' ? city.en : city.zh + (citySuffix ? '市' : '');
  const provinceName =
    language === 'en'
      ? (province.en[0] ?? province.short) + (provinceSuffix && province.full.endsWith('省') ? ' Province' : '')
      : form === 'full'
        ? province.full
        : province.short;
  return { country: countryKnown ? china : null, province: cityOnly ? null : provinceName, city: cityName, cityZh: city.zh };
}

export function generateSampleData(options: SampleOptions = {}): SampleData {
  const language = options.language ?? 'zh-CN';
  const count = Math.max(1, Math.min(MAX_SAMPLE_ROWS, Math.floor(options.customers ?? 300)));
  const orderCount = Math.max(0, Math.min(MAX_SAMPLE_ROWS, Math.floor(options.orders ?? count * 10)));
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const last = dayFromIso(asOf);
  const first = last - 729;
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const t = (text: Text) => (language === 'en' ? text.en : text.zh);

  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const company = random.chance(0.7);
    const industry = company ? random.weighted(INDUSTRIES, (x) => x.weight) : null;
    const employees = company && !random.chance(0.05) ? Math.max(3, Math.round(random.logNormal(4, 1.4))) : null;
    const { cityZh, ...where } = place(random, language);
    const fallbackCity = random.pick(['上海', '深圳', '杭州', '北京']);
    const cityWord = cityZh ?? fallbackCity;
    const name = company && industry
      ? `${cityWord}${random.pick(COMPANY_WORDS)}${industry.suffix}有限公司`
      : personName(random);
    const start = first + Math.floor(random.next() * 730);
    const churned = random.chance(0.4);
    const end = churned ? start + Math.floor(random.next() * (last - start + 1)) : last;
    const preference = random.weighted(['online', 'offline', 'mixed'] as const, (p) => (p === 'online' ? 5 : p === 'offline' ? 3 : 2));
    const scale = company
      ? random.logNormal(7.3, 0.9) * (employees ? Math.pow(employees / 50, 0.25) : 1)
      : random.logNormal(5.6, 0.7);
    const weight = Math.min(12, Math.pow(1 / (1 - random.next()), 1 / 1.3)) * ((end - start + 30) / 760);
    customers.push({
      id: `C${String(i + 1).padStart(5, '0')}`,
      name,
      kind: company ? KINDS.company : KINDS.individual,
      industry,
      employees,
      ...where,
      preference,
      start,
      end,
      buys: !random.chance(0.08),
      weight,
      scale,
    });
  }

  // Every buying customer gets one order (on their first day), the rest go by weight: a long tail.
  const buyers = customers.filter((c) => c.buys).slice(0, orderCount);
  const buyerSet = new Set(buyers);
  for (const c of customers) if (!buyerSet.has(c)) c.buys = false;
  const cumulative: number[] = [];
  let total = 0;
  for (const c of buyers) cumulative.push((total += c.weight));
  const perCustomer = new Map<Customer, number>(buyers.map((c) => [c, 1]));
  for (let k = buyers.length; k < orderCount; k++) {
    const r = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    const c = buyers[lo];
    if (c) perCustomer.set(c, (perCustomer.get(c) ?? 0) + 1);
  }

  interface Order { customer: Customer; day: number; amount: number; online: boolean; platform: Text }
  const orders: Order[] = [];
  for (const c of buyers) {
    const n = perCustomer.get(c) ?? 0;
    for (let k = 0; k < n; k++) {
      const day = k === 0 ? c.start : c.start + Math.floor(random.next() * (c.end - c.start + 1));
      const amount = Math.max(1, Math.round(c.scale * random.logNormal(0, 0.5) * 100) / 100);
      const online = c.preference === 'mixed' ? random.chance(0.5) : c.preference === 'online';
      const platform = online ? random.pick(ONLINE_PLATFORMS) : random.pick(OFFLINE_PLATFORMS);
      orders.push({ customer: c, day, amount, online, platform });
    }
  }
  orders.sort((a, b) => a.day - b.day || (a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0));

  const orderRows = orders.map((o, k) => ({
    order_id: `SO${String(k + 1).padStart(7, '0')}`,
    customer_id: o.customer.id,
    customer_name: o.customer.name,
    date: isoFromDay(o.day),
    amount: o.amount,
    channel: t(o.online ? CHANNELS.online : CHANNELS.offline),
    platform: t(o.platform),
  }));

  const summary = new Map<Customer, { first: number; last: number; n: number; cents: number; online: boolean; offline: boolean }>();
  for (const o of orders) {
    const s = summary.get(o.customer) ?? { first: o.day, last: o.day, n: 0, cents: 0, online: false, offline: false };
    s.first = Math.min(s.first, o.day);
    s.last = Math.max(s.last, o.day);
    s.n += 1;
    s.cents += Math.round(o.amount * 100);
    if (o.online) s.online = true;
    else s.offline = true;
    summary.set(o.customer, s);
  }

  const customerRows = customers.map((c) => {
    const s = summary.get(c);
    return {
      customer_id: c.id,
      name: c.name,
      kind: t(c.kind),
      industry: c.industry ? t(c.industry) : null,
      employees: c.employees,
      country: c.country ? t(c.country) : null,
      province: c.province,
      city: c.city,
      channel: s ? t(s.online && s.offline ? CHANNELS.mixed : s.online ? CHANNELS.online : CHANNELS.offline) : null,
      first_purchase: s ? isoFromDay(s.first) : null,
      last_purchase: s ? isoFromDay(s.last) : null,
      frequency: s ? s.n : 0,
      monetary: s ? s.cents / 100 : null,
    };
  });

  return {
    asOf,
    customers: { key: 'customers', name: { zh: '客户', en: 'Customers' }, fields: CUSTOMER_FIELDS, rows: customerRows },
    orders: { key: 'orders', name: { zh: '订单', en: 'Orders' }, fields: ORDER_FIELDS, rows: orderRows },
  };
}

/** A sample table as the formula engine and the server take it: fields and rows by NAME in a language. */
export function sampleTableData(
  table: SampleTable,
  language: Language,
): { name: string; fields: { name: string; type: SampleField['type'] }[]; rows: Record<string, SampleValue>[] } {
  const names = table.fields.map((f) => (language === 'en' ? f.name.en : f.name.zh));
  return {
    name: language === 'en' ? table.name.en : table.name.zh,
    fields: table.fields.map((f, i) => ({ name: names[i] ?? f.key, type: f.type })),
    rows: table.rows.map((row) => Object.fromEntries(table.fields.map((f, i) => [names[i] ?? f.key, row[f.key] ?? null]))),
  };
}
