// 客户价值分层: high / mid / low by amount — top 20% / next 30% / rest by rank, or by two thresholds.
import type { TemplateDefinition } from '../schema';
import { AMOUNT_SYNONYMS } from '../synonyms';

const share =
  'IF(ISBLANK({input:amount}),{input:amount},IFS(' +
  'RANK({input:amount},[input:amount])<={param:top}*COUNT([input:amount]),{label:high},' +
  'RANK({input:amount},[input:amount])<=({param:top}+{param:next})*COUNT([input:amount]),{label:mid},' +
  'TRUE,{label:low}))';

const thresholds =
  'IF(ISBLANK({input:amount}),{input:amount},IFS(' +
  '{input:amount}>={param:high},{label:high},{input:amount}>={param:mid},{label:mid},TRUE,{label:low}))';

export const valueTiers: TemplateDefinition = {
  id: 'value-tiers',
  category: 'value',
  name: { zh: '客户价值分层', en: 'Customer value tiers' },
  description: {
    zh: '按消费金额把客户分为高、中、低价值三层：默认前 20% 为高价值、其后 30% 为中价值、其余为低价值；也可改用金额门槛。',
    en: 'Splits customers into high, mid and low value by amount: by default the top 20% are high, the next 30% mid and the rest low; or use two amount thresholds.',
  },
  usage: {
    zh: '需要一列数字：每位客户的累计消费金额（或利润、潜力评分）。“按比例”方式按金额排名，并列的客户归入较好的一层；“按门槛”方式用“高价值门槛”“中价值门槛”两个金额。金额为空的客户不分层。从订单表创建时，金额为每位客户的订单金额合计。',
    en: 'Needs one number column: each customer\'s total spend (or profit, or a potential score). The "share" method ranks customers by amount, ties share the better tier; the "thresholds" method uses the two amounts "high threshold" and "mid threshold". Customers with a blank amount are left unclassified. From an order table, the amount is the sum of each customer\'s orders.',
  },
  inputs: [
    {
      key: 'amount',
      type: 'number',
      name: { zh: '消费金额', en: 'Amount' },
      description: { zh: '每位客户的累计消费金额', en: 'Each customer\'s total spend' },
      synonyms: AMOUNT_SYNONYMS,
      required: true,
      moneyTotal: true,
    },
  ],
  parameters: [
    {
      key: 'method',
      type: 'select',
      default: 'share',
      name: { zh: '分层方式', en: 'Method' },
      options: [
        { value: 'share', name: { zh: '按排名比例', en: 'By share of customers' } },
        { value: 'thresholds', name: { zh: '按金额门槛', en: 'By amount thresholds' } },
      ],
    },
    { key: 'top', type: 'number', default: 0.2, min: 0, max: 1, unit: 'share', name: { zh: '高价值比例', en: 'High-value share' }, description: { zh: '按比例时：金额排名前多少的客户为高价值', en: 'Share method: the top share of customers that is high value' } },
    { key: 'next', type: 'number', default: 0.3, min: 0, max: 1, unit: 'share', name: { zh: '中价值比例', en: 'Mid-value share' }, description: { zh: '按比例时：紧随其后多少的客户为中价值', en: 'Share method: the share after the top that is mid value' } },
    { key: 'high', type: 'number', default: 100000, min: 0, unit: 'money', name: { zh: '高价值门槛', en: 'High threshold' }, description: { zh: '按门槛时：金额不低于此值为高价值', en: 'Thresholds method: an amount at least this is high value' } },
    { key: 'mid', type: 'number', default: 20000, min: 0, unit: 'money', name: { zh: '中价值门槛', en: 'Mid threshold' }, description: { zh: '按门槛时：金额不低于此值为中价值', en: 'Thresholds method: an amount at least this is mid value' } },
  ],
  constraints: [{ sumAtMost: { params: ['top', 'next'], max: 1 } }, { lessOrEqual: ['mid', 'high'] }],
  outputs: [
    {
      key: 'tier',
      name: { zh: '价值分层', en: 'Value tier' },
      formula: share,
      variants: [{ when: [{ param: 'method', equals: 'thresholds' }], formula: thresholds }],
      resultType: 'text',
      groups: [
        {
          key: 'high',
          value: { zh: '高价值客户', en: 'High value' },
          description: { zh: '消费金额最高的一批客户，贡献了大部分收入。', en: 'The customers who spend the most and bring most of the revenue.' },
          action: { zh: '专属服务、优先支持：指定客户经理，定期回访，提供专属权益，防止流失。', en: 'Dedicated service and priority support: an account manager, regular check-ins, exclusive benefits to keep them.' },
          color: '#d9480f',
        },
        {
          key: 'mid',
          value: { zh: '中价值客户', en: 'Mid value' },
          description: { zh: '稳定贡献收入、仍有提升空间的主力客户。', en: 'Steady customers with room to grow.' },
          action: { zh: '交叉销售与升级推荐，会员积分激励，推动其升级为高价值客户。', en: 'Cross-sell and upgrade offers, loyalty points: move them up to high value.' },
          color: '#f59f00',
        },
        {
          key: 'low',
          value: { zh: '低价值客户', en: 'Low value' },
          description: { zh: '消费金额较低的客户，人数多、单个贡献小。', en: 'Many customers with a small spend each.' },
          action: { zh: '标准化服务与自动化营销，控制服务成本；从中筛选有潜力的客户重点培育。', en: 'Standard service and automated marketing to keep costs low; pick out the promising ones to develop.' },
          color: '#868e96',
        },
      ],
    },
  ],
  charts: [
    { key: 'tier_count', kind: 'bar', title: { zh: '各层客户数', en: 'Customers per tier' }, x: 'output:tier', measure: { op: 'count' } },
    { key: 'tier_revenue', kind: 'donut', title: { zh: '各层收入占比', en: 'Revenue share per tier' }, x: 'output:tier', measure: { op: 'sum', field: 'input:amount' } },
  ],
  sample: { generator: 'customers', mapping: { amount: 'monetary' } },
  transactions: { mapping: { amount: 'monetary' } },
};
