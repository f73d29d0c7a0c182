// 地区: province (or city) → 华东/华北/华中/华南/西南/西北/东北, 港澳台, 海外, from the table in regions.ts.
import type { TemplateDefinition } from '../schema';
import { CHINA_NAMES, OVERSEAS_WORDS, PROVINCES, enKey, zhKey, type RegionKey } from './regions';

const REGIONS: readonly { key: RegionKey | 'overseas' | 'unknown'; zh: string; en: string; color: string }[] = [
  { key: 'east', zh: '华东', en: 'East China', color: '#1c7ed6' },
  { key: 'north', zh: '华北', en: 'North China', color: '#c92a2a' },
  { key: 'central', zh: '华中', en: 'Central China', color: '#e67700' },
  { key: 'south', zh: '华南', en: 'South China', color: '#2b8a3e' },
  { key: 'southwest', zh: '西南', en: 'Southwest China', color: '#7048e8' },
  { key: 'northwest', zh: '西北', en: 'Northwest China', color: '#a61e4d' },
  { key: 'northeast', zh: '东北', en: 'Northeast China', color: '#0b7285' },
  { key: 'hmt', zh: '港澳台', en: 'HK, Macau & Taiwan', color: '#f76707' },
  { key: 'overseas', zh: '海外', en: 'Overseas', color: '#495057' },
  { key: 'unknown', zh: '未知地区', en: 'Unknown', color: '#ced4da' },
];

/** The lookup keys of a region: Chinese (first two characters) and English (enKey), deduplicated. */
export function regionKeys(region: RegionKey): { zh: string[]; en: string[] } {
  const zh = new Set<string>();
  const en = new Set<string>();
  for (const p of PROVINCES.filter((x) => x.region === region)) {
    zh.add(zhKey(p.short));
    for (const name of p.en) en.add(enKey(name));
    for (const city of p.cities) {
      zh.add(zhKey(city.zh));
      en.add(enKey(city.en));
      en.add(enKey(city.en).replaceAll("'", ''));
    }
  }
  return { zh: [...zh], en: [...en] };
}

const list = (keys: readonly string[]) => `",${keys.join(',')},"`;
// A Chinese name is known by its first two characters (江苏省 → 江苏, 内蒙古自治区 → 内蒙); an English one by
// its lower-case letters without spaces and "province" (Jiangsu Province → jiangsu).
const zhMatch = (x: string, keys: readonly string[]) => `ISNUMBER(FIND(","&LEFT(TRIM(${x}),2)&",",${list(keys)}))`;
const enMatch = (x: string, keys: readonly string[]) =>
  `ISNUMBER(FIND(","&SUBSTITUTE(LOWER(SUBSTITUTE(${x}," ","")),"province","")&",",${list(keys)}))`;
const matches = (x: string, keys: { zh: readonly string[]; en: readonly string[] }) =>
  `OR(${zhMatch(x, keys.zh)},${enMatch(x, keys.en)})`;

const HMT_COUNTRY = ['香港', '中国香港', '澳门', '中国澳门', '台湾', '中国台湾', 'hongkong', 'hk', 'macau', 'macao', 'taiwan'];
const OVERSEAS_KEYS = {
  zh: [...new Set(OVERSEAS_WORDS.filter((w) => !/^[a-z]/.test(w)).map(zhKey))],
  en: [...new Set(OVERSEAS_WORDS.filter((w) => /^[a-z]/.test(w)).map(enKey))],
};

function regionFormula(options: { city: boolean; country: boolean }): string {
  // The place looked up: the province, or the city when the province is blank.
  const x = options.city ? 'IF({input:province}="",{input:city},{input:province})' : '{input:province}';
  const k = '{input:country}';
  const countryIs = (names: readonly string[]) => enMatch(k, names);
  const cases: string[] = [];
  cases.push(
    options.country
      ? `OR(${matches(x, regionKeys('hmt'))},${countryIs(HMT_COUNTRY)}),{label:hmt}`
      : `${matches(x, regionKeys('hmt'))},{label:hmt}`,
  );
  if (options.country) cases.push(`AND(TRIM(${k})<>"",NOT(${countryIs(CHINA_NAMES)})),{label:overseas}`);
  for (const r of ['east', 'north', 'central', 'south', 'southwest', 'northwest', 'northeast'] as const)
    cases.push(`${matches(x, regionKeys(r))},{label:${r}}`);
  cases.push(`${matches(x, OVERSEAS_KEYS)},{label:overseas}`);
  cases.push('TRUE,{label:unknown}');
  return `IFS(${cases.join(',')})`;
}

const ACTIONS: Record<string, { zh: string; en: string }> = {
  overseas: { zh: '由外贸或国际业务团队跟进，注意时差、币种与物流。', en: 'Served by the export or international team; mind time zones, currency and shipping.' },
  unknown: { zh: '补全省份或城市；检查拼写，或把地名加入地区表。', en: 'Fill in the province or city; check the spelling.' },
};

export const geography: TemplateDefinition = {
  id: 'geography',
  category: 'geography',
  name: { zh: '地区分布', en: 'Regions' },
  description: {
    zh: '把省份（或城市）归入华东、华北、华中、华南、西南、西北、东北七大区，以及港澳台与海外。',
    en: 'Maps each province (or city) to the seven regions of China — East, North, Central, South, Southwest, Northwest, Northeast — plus Hong Kong, Macau & Taiwan and overseas.',
  },
  usage: {
    zh: '需要“省份”列，全称（江苏省、广西壮族自治区）、简称（江苏）和拼音（Jiangsu）都能识别；只有城市列时，把“省份”映射到城市列即可（收录主要城市）。映射“城市”后，省份为空时用城市判断；映射“国家/地区”后，非中国的为海外。无法识别的为“未知地区”。',
    en: 'Needs a province column: full names (江苏省, 广西壮族自治区), short names (江苏) and pinyin (Jiangsu) are all recognised; with only a city column, map "province" to it (major cities are known). With "city" mapped, a blank province falls back to the city; with "country" mapped, countries other than China are overseas. Places not recognised are "unknown".',
  },
  inputs: [
    { key: 'province', type: 'text', name: { zh: '省份', en: 'Province' }, synonyms: ['省份', '省', '省市', '所在省份', '省/直辖市', '省份名称', '地区', '所在地区', 'province', 'state', 'region'], required: true },
    { key: 'city', type: 'text', name: { zh: '城市', en: 'City' }, synonyms: ['城市', '市', '所在城市', '城市名称', 'city', 'town'], required: false },
    { key: 'country', type: 'text', name: { zh: '国家/地区', en: 'Country' }, synonyms: ['国家', '国家/地区', '国别', '国家地区', 'country', 'nation', 'country/region'], required: false },
  ],
  parameters: [],
  outputs: [
    {
      key: 'region',
      name: { zh: '所属大区', en: 'Region' },
      formula: regionFormula({ city: false, country: false }),
      variants: [
        { when: [{ mapped: 'city' }, { mapped: 'country' }], formula: regionFormula({ city: true, country: true }) },
        { when: [{ mapped: 'city' }], formula: regionFormula({ city: true, country: false }) },
        { when: [{ mapped: 'country' }], formula: regionFormula({ city: false, country: true }) },
      ],
      resultType: 'text',
      groups: REGIONS.map((r) => ({
        key: r.key,
        value: { zh: r.zh, en: r.en },
        description:
          r.key === 'overseas'
            ? { zh: '中国以外的客户。', en: 'Customers outside China.' }
            : r.key === 'unknown'
              ? { zh: '地址为空或无法识别。', en: 'No address, or one not recognised.' }
              : { zh: `位于${r.zh}地区的客户。`, en: `Customers in ${r.en}.` },
        action: ACTIONS[r.key] ?? {
          zh: `由${r.zh}区域团队负责，按区域安排线下活动、渠道与物流。`,
          en: `Owned by the ${r.en} team: regional events, partners and logistics.`,
        },
        color: r.color,
      })),
    },
  ],
  charts: [
    { key: 'region_count', kind: 'bar', title: { zh: '各大区客户数', en: 'Customers per region' }, x: 'output:region', measure: { op: 'count' } },
    { key: 'region_share', kind: 'donut', title: { zh: '大区占比', en: 'Region shares' }, x: 'output:region', measure: { op: 'count' } },
  ],
  sample: { generator: 'customers', mapping: { province: 'province', city: 'city', country: 'country' } },
};
