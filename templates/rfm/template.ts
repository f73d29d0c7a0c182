// RFM: R, F, M scores 1–5 by NTILE (5 best) and the 8 classic segments (H/L against the column averages).
import type { TemplateDefinition } from '../schema';
import { AMOUNT_SYNONYMS, FREQUENCY_SYNONYMS, LAST_PURCHASE_SYNONYMS } from '../synonyms';

// Recency = TODAY() − last purchase; R is H when recency ≤ its average (the average of TODAY() − last purchase
// is TODAY() − the average last purchase, written SUM/COUNT so no day fraction is dropped).
const letters =
  'IF(TODAY()-{input:last_purchase}<=TODAY()-SUM([input:last_purchase])/COUNT([input:last_purchase]),"H","L")' +
  '&IF({input:frequency}>=AVERAGE([input:frequency]),"H","L")' +
  '&IF({input:monetary}>=AVERAGE([input:monetary]),"H","L")';

const KEYS = ['HHH', 'HHL', 'HLH', 'HLL', 'LHH', 'LHL', 'LLH', 'LLL'] as const;
const segment =
  'IF(ISBLANK({input:last_purchase}),{input:last_purchase},SWITCH(' +
  letters +
  ',' +
  KEYS.map((k) => `"${k}",{label:${k}}`).join(',') +
  '))';

const DESC = {
  zh: '1–5 分，5 最好（最近、最频繁、金额最大），每档约 20% 的客户，并列同分。',
  en: '1 to 5, 5 best (most recent, most frequent, largest), about 20% of customers each, ties share a score.',
};

/** NTILE(…, 5): the scores a customer can get. */
const SCORES = { from: 1, to: 5 };
const score = (input: string) => `NTILE([input:${input}],{input:${input}},5)`;

export const rfm: TemplateDefinition = {
  id: 'rfm',
  category: 'value',
  name: { zh: 'RFM 客户分群', en: 'RFM segmentation' },
  description: {
    zh: '按最近一次购买（R）、购买频次（F）、消费金额（M）给客户打 1–5 分，并分为重要价值、重要发展、重要保持、重要挽留等 8 类。',
    en: 'Scores customers 1–5 on recency (R), frequency (F) and monetary value (M), and sorts them into the 8 classic segments, from champions to those to win back.',
  },
  usage: {
    zh: '需要每位客户的最近购买日期、购买次数和消费金额；只有订单表时，用“从订单创建”自动汇总。R 分越高表示越近买过。分群时 R、F、M 各自与全体平均比较：最近购买天数不超过平均为高（H），次数、金额不低于平均为高（H）。结果随“今天”（工作簿的基准日期）变化。',
    en: 'Needs each customer\'s last purchase date, number of purchases and total spend; with only an order table, use "from transactions" to summarize it. A higher R score means a more recent purchase. For the segments, each of R, F, M is compared with the average over all customers: days since the last purchase at most the average is high (H); frequency and spend at least the average are high. Results follow TODAY() (the workbook\'s as-of date).',
  },
  inputs: [
    { key: 'last_purchase', type: 'date', name: { zh: '最近购买日期', en: 'Last purchase' }, synonyms: LAST_PURCHASE_SYNONYMS, required: true },
    { key: 'frequency', type: 'number', name: { zh: '购买次数', en: 'Frequency' }, synonyms: FREQUENCY_SYNONYMS, required: true },
    { key: 'monetary', type: 'number', name: { zh: '消费金额', en: 'Monetary' }, synonyms: AMOUNT_SYNONYMS, required: true, moneyTotal: true },
  ],
  parameters: [],
  outputs: [
    { key: 'r_score', name: { zh: 'R 得分', en: 'R score' }, formula: score('last_purchase'), resultType: 'number', scores: SCORES, description: DESC },
    { key: 'f_score', name: { zh: 'F 得分', en: 'F score' }, formula: score('frequency'), resultType: 'number', scores: SCORES, description: DESC },
    { key: 'm_score', name: { zh: 'M 得分', en: 'M score' }, formula: score('monetary'), resultType: 'number', scores: SCORES, description: DESC },
    {
      key: 'segment',
      name: { zh: 'RFM 分群', en: 'RFM segment' },
      formula: segment,
      resultType: 'text',
      groups: [
        {
          key: 'HHH',
          value: { zh: '重要价值客户', en: 'Important value' },
          description: { zh: '最近买过、买得勤、花得多：最好的客户。', en: 'Bought recently, often and a lot: the best customers.' },
          action: { zh: '专属服务、优先支持、VIP 权益与新品优先体验，保持满意度。', en: 'Dedicated service, priority support, VIP benefits and early access: keep them delighted.' },
          color: '#c92a2a',
        },
        {
          key: 'HHL',
          value: { zh: '一般价值客户', en: 'General value' },
          description: { zh: '最近买过、买得勤，但金额不高。', en: 'Recent and frequent, but a small spend.' },
          action: { zh: '提升客单价：组合套餐、满减、升级推荐。', en: 'Raise the order value: bundles, spend-more offers, upgrades.' },
          color: '#e8590c',
        },
        {
          key: 'HLH',
          value: { zh: '重要发展客户', en: 'Important development' },
          description: { zh: '最近买过、金额高，但购买次数少。', en: 'Recent and a large spend, but few purchases.' },
          action: { zh: '提高购买频次：会员计划、定期补货提醒、复购优惠。', en: 'Raise the frequency: membership, replenishment reminders, repeat-purchase offers.' },
          color: '#f08c00',
        },
        {
          key: 'HLL',
          value: { zh: '一般发展客户', en: 'General development' },
          description: { zh: '最近买过，但次数少、金额低，多为新客。', en: 'Recent but few purchases and a small spend: mostly new customers.' },
          action: { zh: '新客培育：首单回访、使用指导、引导第二次购买。', en: 'Nurture new customers: follow up the first order, onboarding, a second-purchase offer.' },
          color: '#fab005',
        },
        {
          key: 'LHH',
          value: { zh: '重要保持客户', en: 'Important retention' },
          description: { zh: '买得勤、花得多，但有一段时间没买了。', en: 'Frequent and big spenders who have not bought for a while.' },
          action: { zh: '主动联系了解原因，专属回馈与关怀，防止流失。', en: 'Reach out to learn why, exclusive rewards and care: stop them leaving.' },
          color: '#1971c2',
        },
        {
          key: 'LHL',
          value: { zh: '一般保持客户', en: 'General retention' },
          description: { zh: '买得勤但金额低，近期没有购买。', en: 'Frequent but small spenders who have not bought recently.' },
          action: { zh: '定期关怀与常规促销，保持联系。', en: 'Regular care and standard promotions to stay in touch.' },
          color: '#4dabf7',
        },
        {
          key: 'LLH',
          value: { zh: '重要挽留客户', en: 'Important win-back' },
          description: { zh: '曾经花得多，但很久没买、次数也少，正在流失。', en: 'Used to spend a lot, but long gone and few purchases: slipping away.' },
          action: { zh: '重点挽回：电话回访、专属优惠券、了解流失原因。', en: 'Win them back: a call, an exclusive coupon, learn why they left.' },
          color: '#7048e8',
        },
        {
          key: 'LLL',
          value: { zh: '一般挽留客户', en: 'General win-back' },
          description: { zh: '很久没买、次数少、金额低。', en: 'Long gone, few purchases, small spend.' },
          action: { zh: '低成本唤醒活动（短信、邮件）；无响应则减少投入。', en: 'Low-cost reactivation (SMS, e-mail); spend less on them if they do not respond.' },
          color: '#868e96',
        },
      ],
    },
  ],
  charts: [
    { key: 'segment_count', kind: 'bar', title: { zh: '各分群客户数', en: 'Customers per segment' }, x: 'output:segment', measure: { op: 'count' } },
    { key: 'segment_revenue', kind: 'treemap', title: { zh: '各分群消费金额', en: 'Spend per segment' }, x: 'output:segment', measure: { op: 'sum', field: 'input:monetary' } },
    { key: 'rf_heatmap', kind: 'heatmap', title: { zh: 'R × F 得分分布', en: 'R × F scores' }, x: 'output:r_score', y: 'output:f_score', measure: { op: 'count' } },
  ],
  sample: { generator: 'customers', mapping: { last_purchase: 'last_purchase', frequency: 'frequency', monetary: 'monetary' } },
  transactions: { mapping: { last_purchase: 'last_purchase', frequency: 'frequency', monetary: 'monetary' } },
};
