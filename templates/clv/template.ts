// 客户终身价值 (historical CLV) = average order value × purchases per year × expected years × margin, with tiers.
import type { TemplateDefinition } from '../schema';
import { AMOUNT_SYNONYMS, FIRST_PURCHASE_SYNONYMS, FREQUENCY_SYNONYMS } from '../synonyms';

// Purchases per year = purchases ÷ years as a customer (at least "minimum tenure" days, so that a recent
// first purchase does not inflate the yearly rate).
const clv =
  'IF(ISBLANK({input:monetary}),{input:monetary},IF({input:frequency}>0,' +
  '{input:monetary}/{input:frequency}' +
  '*({input:frequency}/(MAX(TODAY()-{input:first_purchase},{param:min_tenure_days})/365))' +
  '*{param:expected_years}*{param:margin},0))';

const tier =
  'IF(ISBLANK({output:clv}),{output:clv},IFS(' +
  'RANK({output:clv},[output:clv])<={param:top}*COUNT([output:clv]),{label:high},' +
  'RANK({output:clv},[output:clv])<=({param:top}+{param:next})*COUNT([output:clv]),{label:mid},' +
  'TRUE,{label:low}))';

export const clvTemplate: TemplateDefinition = {
  id: 'clv',
  category: 'value',
  name: { zh: '客户终身价值（CLV）', en: 'Customer lifetime value (CLV)' },
  description: {
    zh: '用历史数据估算每位客户的终身价值：客单价 × 年购买次数 × 预期合作年数 × 毛利率，并按价值分为高、中、低三层。',
    en: 'Estimates each customer\'s lifetime value from history — average order value × purchases per year × expected years × margin — and tiers customers high, mid and low.',
  },
  usage: {
    zh: '需要消费金额、购买次数和首次购买日期。客单价 = 金额 ÷ 次数；年购买次数 = 次数 ÷ 成为客户的年数（不足“最短客龄天数”按该天数计）。“预期合作年数”与“毛利率”按业务填写。分层按 CLV 排名：前“高价值比例”为高，其后“中价值比例”为中，其余为低。',
    en: 'Needs spend, number of purchases and first purchase date. Average order value = spend ÷ purchases; purchases per year = purchases ÷ years as a customer (at least "minimum tenure" days). Set "expected years" and "margin" for your business. Tiers rank the CLV: the top "high share" is high, the next "mid share" mid, the rest low.',
  },
  inputs: [
    { key: 'monetary', type: 'number', name: { zh: '消费金额', en: 'Monetary' }, synonyms: AMOUNT_SYNONYMS, required: true, moneyTotal: true },
    { key: 'frequency', type: 'number', name: { zh: '购买次数', en: 'Frequency' }, synonyms: FREQUENCY_SYNONYMS, required: true },
    { key: 'first_purchase', type: 'date', name: { zh: '首次购买日期', en: 'First purchase' }, synonyms: FIRST_PURCHASE_SYNONYMS, required: true },
  ],
  parameters: [
    { key: 'margin', type: 'number', default: 0.3, min: 0, max: 1, unit: 'share', name: { zh: '毛利率', en: 'Margin' } },
    { key: 'expected_years', type: 'number', default: 3, min: 0, unit: 'years', name: { zh: '预期合作年数', en: 'Expected years' } },
    { key: 'min_tenure_days', type: 'number', default: 365, min: 1, integer: true, unit: 'days', name: { zh: '最短客龄天数', en: 'Minimum tenure days' } },
    { key: 'top', type: 'number', default: 0.2, min: 0, max: 1, unit: 'share', name: { zh: '高价值比例', en: 'High share' } },
    { key: 'next', type: 'number', default: 0.3, min: 0, max: 1, unit: 'share', name: { zh: '中价值比例', en: 'Mid share' } },
  ],
  constraints: [{ sumAtMost: { params: ['top', 'next'], max: 1 } }],
  outputs: [
    {
      key: 'clv',
      name: { zh: '客户终身价值', en: 'CLV' },
      description: { zh: '客单价 × 年购买次数 × 预期合作年数 × 毛利率', en: 'Average order value × purchases per year × expected years × margin' },
      formula: clv,
      resultType: 'number',
      format: '#,##0.00',
    },
    {
      key: 'clv_tier',
      name: { zh: 'CLV 分层', en: 'CLV tier' },
      formula: tier,
      resultType: 'text',
      groups: [
        {
          key: 'high',
          value: { zh: '高终身价值', en: 'High CLV' },
          description: { zh: '预计未来贡献利润最多的客户。', en: 'Expected to bring the most profit.' },
          action: { zh: '重点投入获客与保留预算：专属服务、长期合约、忠诚计划。', en: 'Put the retention budget here: dedicated service, long-term contracts, loyalty programme.' },
          color: '#c92a2a',
        },
        {
          key: 'mid',
          value: { zh: '中终身价值', en: 'Mid CLV' },
          description: { zh: '预计贡献中等的客户。', en: 'Expected to bring a moderate profit.' },
          action: { zh: '通过提升频次与客单价推动其升级。', en: 'Raise their frequency and order value to move them up.' },
          color: '#f08c00',
        },
        {
          key: 'low',
          value: { zh: '低终身价值', en: 'Low CLV' },
          description: { zh: '预计贡献较少的客户。', en: 'Expected to bring little profit.' },
          action: { zh: '控制服务成本，使用自动化与自助服务。', en: 'Keep the cost to serve low: automation and self-service.' },
          color: '#868e96',
        },
      ],
    },
  ],
  charts: [
    { key: 'clv_tier_count', kind: 'bar', title: { zh: '各层客户数', en: 'Customers per CLV tier' }, x: 'output:clv_tier', measure: { op: 'count' } },
    { key: 'clv_by_tier', kind: 'donut', title: { zh: '各层终身价值合计', en: 'Total CLV per tier' }, x: 'output:clv_tier', measure: { op: 'sum', field: 'output:clv' } },
    // A histogram's x is the tier field whose cut points are drawn; the measure is the number field binned.
    { key: 'clv_histogram', kind: 'histogram', title: { zh: 'CLV 分布', en: 'CLV distribution' }, x: 'output:clv_tier', measure: { op: 'sum', field: 'output:clv' } },
  ],
  sample: { generator: 'customers', mapping: { monetary: 'monetary', frequency: 'frequency', first_purchase: 'first_purchase' } },
  transactions: { mapping: { monetary: 'monetary', frequency: 'frequency', first_purchase: 'first_purchase' } },
};
