// 关系阶段 (开发/维护/提升) and engagement: 活跃/沉默, 新客/复购/忠诚.
import type { TemplateDefinition } from '../schema';
import { AMOUNT_SYNONYMS, FIRST_PURCHASE_SYNONYMS, FREQUENCY_SYNONYMS, LAST_PURCHASE_SYNONYMS } from '../synonyms';

const stage =
  'IFS(NOT({input:frequency}>{param:develop_max_orders}),{label:develop},' +
  'AND(NOT(ISBLANK({input:monetary})),RANK({input:monetary},[input:monetary])<={param:maintain_top}*COUNT([input:monetary])),{label:maintain},' +
  'TRUE,{label:grow})';

const activity =
  'IF(ISBLANK({input:last_purchase}),{input:last_purchase},' +
  'IF(TODAY()-{input:last_purchase}<={param:active_days},{label:active},{label:silent}))';

const loyalty =
  'IF(ISBLANK({input:first_purchase}),{input:first_purchase},IFS(' +
  '{input:frequency}>={param:loyal_orders},{label:loyal},{input:frequency}>=2,{label:repeat},TRUE,{label:new}))';

export const relationship: TemplateDefinition = {
  id: 'relationship',
  category: 'lifecycle',
  name: { zh: '关系阶段与活跃度', en: 'Relationship and engagement' },
  description: {
    zh: '按关系阶段把客户分为开发、提升、维护，并标出活跃/沉默与新客/复购/忠诚，明确每类客户的工作重点。',
    en: 'Sorts customers into develop, grow and maintain, and marks them active or silent and new, repeat or loyal, so each group has a clear focus.',
  },
  usage: {
    zh: '需要首次与最近购买日期、购买次数和消费金额。关系阶段：购买次数不超过“开发期次数”的为开发；其余客户中金额排名前“维护比例”的为维护，其他为提升。活跃度：最近购买在“活跃天数”内为活跃，否则沉默。忠诚度：购买次数达到“忠诚次数”为忠诚，2 次及以上为复购，1 次为新客；没有首次购买日期的不分。',
    en: 'Needs first and last purchase dates, number of purchases and spend. Stage: customers with at most "develop orders" purchases are develop; of the others, the top "maintain share" by spend are maintain, the rest grow. Engagement: a last purchase within "active days" is active, else silent. Loyalty: at least "loyal orders" purchases is loyal, 2 or more repeat, 1 new; customers with no first purchase are left out.',
  },
  inputs: [
    { key: 'first_purchase', type: 'date', name: { zh: '首次购买日期', en: 'First purchase' }, synonyms: FIRST_PURCHASE_SYNONYMS, required: true },
    { key: 'last_purchase', type: 'date', name: { zh: '最近购买日期', en: 'Last purchase' }, synonyms: LAST_PURCHASE_SYNONYMS, required: true },
    { key: 'frequency', type: 'number', name: { zh: '购买次数', en: 'Frequency' }, synonyms: FREQUENCY_SYNONYMS, required: true },
    { key: 'monetary', type: 'number', name: { zh: '消费金额', en: 'Monetary' }, synonyms: AMOUNT_SYNONYMS, required: true, moneyTotal: true },
  ],
  parameters: [
    { key: 'develop_max_orders', type: 'number', default: 1, min: 0, integer: true, unit: 'count', name: { zh: '开发期次数', en: 'Develop orders' }, description: { zh: '购买次数不超过此值的客户处于开发阶段', en: 'Customers with at most this many purchases are being developed' } },
    { key: 'maintain_top', type: 'number', default: 0.2, min: 0, max: 1, unit: 'share', name: { zh: '维护比例', en: 'Maintain share' }, description: { zh: '金额排名前多少的老客户重点维护', en: 'The top share by spend to maintain' } },
    { key: 'active_days', type: 'number', default: 90, min: 0, integer: true, unit: 'days', name: { zh: '活跃天数', en: 'Active days' } },
    { key: 'loyal_orders', type: 'number', default: 5, min: 2, integer: true, unit: 'count', name: { zh: '忠诚次数', en: 'Loyal orders' } },
  ],
  outputs: [
    {
      key: 'stage',
      name: { zh: '关系阶段', en: 'Relationship stage' },
      formula: stage,
      resultType: 'text',
      groups: [
        {
          key: 'develop',
          value: { zh: '开发', en: 'Develop' },
          description: { zh: '潜在客户与只买过一次的客户，关系尚浅。', en: 'Prospects and one-time buyers: a young relationship.' },
          action: { zh: '建立信任：需求调研、产品演示、试用与首单/第二单优惠。', en: 'Build trust: needs discovery, demos, trials, first- and second-order offers.' },
          color: '#74c0fc',
        },
        {
          key: 'grow',
          value: { zh: '提升', en: 'Grow' },
          description: { zh: '已多次购买、但贡献还不在前列的客户。', en: 'Repeat buyers not yet among the top spenders.' },
          action: { zh: '交叉销售与升级方案，扩大合作范围，提高份额。', en: 'Cross-sell and upgrades: widen the relationship and the share of wallet.' },
          color: '#fab005',
        },
        {
          key: 'maintain',
          value: { zh: '维护', en: 'Maintain' },
          description: { zh: '贡献最多的老客户，关系成熟。', en: 'Established customers who spend the most.' },
          action: { zh: '专属服务、优先支持、定期回访与满意度调查，巩固关系。', en: 'Dedicated service, priority support, regular reviews and satisfaction surveys.' },
          color: '#2b8a3e',
        },
      ],
    },
    {
      key: 'activity',
      name: { zh: '活跃度', en: 'Engagement' },
      formula: activity,
      resultType: 'text',
      groups: [
        {
          key: 'active',
          value: { zh: '活跃', en: 'Active' },
          description: { zh: '近期有购买。', en: 'Bought recently.' },
          action: { zh: '保持互动节奏，推荐相关新品。', en: 'Keep in touch, suggest related new products.' },
          color: '#2b8a3e',
        },
        {
          key: 'silent',
          value: { zh: '沉默', en: 'Silent' },
          description: { zh: '一段时间没有购买。', en: 'Has not bought for a while.' },
          action: { zh: '唤醒活动：优惠券、回访、新品通知。', en: 'Reactivation: coupons, a call, news of new products.' },
          color: '#f59f00',
        },
      ],
    },
    {
      key: 'loyalty',
      name: { zh: '忠诚度', en: 'Loyalty' },
      formula: loyalty,
      resultType: 'text',
      groups: [
        {
          key: 'new',
          value: { zh: '新客', en: 'New' },
          description: { zh: '只购买过一次。', en: 'Bought once.' },
          action: { zh: '首购回访与使用引导，促成第二次购买。', en: 'Follow up the first purchase, onboarding, prompt a second one.' },
          color: '#74c0fc',
        },
        {
          key: 'repeat',
          value: { zh: '复购客', en: 'Repeat' },
          description: { zh: '购买过两次及以上。', en: 'Bought twice or more.' },
          action: { zh: '会员积分与复购提醒，培养习惯。', en: 'Points and repeat reminders to build a habit.' },
          color: '#4c6ef5',
        },
        {
          key: 'loyal',
          value: { zh: '忠诚客', en: 'Loyal' },
          description: { zh: '多次购买的忠实客户。', en: 'Buys again and again.' },
          action: { zh: '忠诚计划、专属权益，邀请推荐新客户。', en: 'Loyalty programme, exclusive benefits, invite referrals.' },
          color: '#2b8a3e',
        },
      ],
    },
  ],
  charts: [
    { key: 'stage_count', kind: 'bar', title: { zh: '各关系阶段客户数', en: 'Customers per stage' }, x: 'output:stage', measure: { op: 'count' } },
    { key: 'stage_by_activity', kind: 'heatmap', title: { zh: '关系阶段 × 活跃度', en: 'Stage × engagement' }, x: 'output:stage', y: 'output:activity', measure: { op: 'count' } },
    { key: 'loyalty_share', kind: 'donut', title: { zh: '新客与忠诚客占比', en: 'New vs loyal' }, x: 'output:loyalty', measure: { op: 'count' } },
  ],
  sample: {
    generator: 'customers',
    mapping: { first_purchase: 'first_purchase', last_purchase: 'last_purchase', frequency: 'frequency', monetary: 'monetary' },
  },
  transactions: {
    mapping: { first_purchase: 'first_purchase', last_purchase: 'last_purchase', frequency: 'frequency', monetary: 'monetary' },
  },
};
