// 生命周期: prospect / new / active / silent / lost from first and last purchase, purchases and TODAY().
import type { TemplateDefinition } from '../schema';
import { FIRST_PURCHASE_SYNONYMS, FREQUENCY_SYNONYMS, LAST_PURCHASE_SYNONYMS } from '../synonyms';

const formula =
  'IFS(OR(ISBLANK({input:last_purchase}),{input:frequency}<=0),{label:prospect},' +
  'TODAY()-{input:first_purchase}<={param:new_days},{label:new},' +
  'TODAY()-{input:last_purchase}<={param:active_days},{label:active},' +
  'TODAY()-{input:last_purchase}<={param:lost_days},{label:silent},' +
  'TRUE,{label:lost})';

export const lifecycle: TemplateDefinition = {
  id: 'lifecycle',
  category: 'lifecycle',
  name: { zh: '客户生命周期', en: 'Customer lifecycle' },
  description: {
    zh: '根据首次与最近购买日期、购买次数，把客户分为潜在、新客、活跃、沉默、流失五个阶段。',
    en: 'Places each customer in a lifecycle stage — prospect, new, active, silent, lost — from first and last purchase dates and the number of purchases.',
  },
  usage: {
    zh: '没有购买记录（次数为 0 或最近购买为空）的是潜在客户；首次购买在“新客天数”内的是新客；最近购买在“活跃天数”内的是活跃客户；超过“活跃天数”但未超过“流失天数”的是沉默客户；超过“流失天数”的是流失客户。天数按“今天”（工作簿的基准日期）计算，可随时调整。',
    en: 'No purchase yet (frequency 0 or no last purchase): prospect. First purchase within "new days": new. Last purchase within "active days": active. Past "active days" but within "lost days": silent. Past "lost days": lost. Days count back from TODAY() (the workbook\'s as-of date); tune them any time.',
  },
  inputs: [
    { key: 'first_purchase', type: 'date', name: { zh: '首次购买日期', en: 'First purchase' }, synonyms: FIRST_PURCHASE_SYNONYMS, required: true },
    { key: 'last_purchase', type: 'date', name: { zh: '最近购买日期', en: 'Last purchase' }, synonyms: LAST_PURCHASE_SYNONYMS, required: true },
    { key: 'frequency', type: 'number', name: { zh: '购买次数', en: 'Frequency' }, synonyms: FREQUENCY_SYNONYMS, required: true },
  ],
  parameters: [
    { key: 'new_days', type: 'number', default: 90, min: 0, integer: true, unit: 'days', name: { zh: '新客天数', en: 'New days' }, description: { zh: '首次购买在这么多天以内为新客', en: 'A first purchase within this many days makes a new customer' } },
    { key: 'active_days', type: 'number', default: 90, min: 0, integer: true, unit: 'days', name: { zh: '活跃天数', en: 'Active days' }, description: { zh: '最近购买在这么多天以内为活跃', en: 'A last purchase within this many days is active' } },
    { key: 'lost_days', type: 'number', default: 365, min: 0, integer: true, unit: 'days', name: { zh: '流失天数', en: 'Lost days' }, description: { zh: '最近购买超过这么多天为流失', en: 'A last purchase longer ago than this is lost' } },
  ],
  constraints: [{ lessOrEqual: ['active_days', 'lost_days'] }],
  outputs: [
    {
      key: 'stage',
      name: { zh: '生命周期阶段', en: 'Lifecycle stage' },
      formula,
      resultType: 'text',
      groups: [
        {
          key: 'prospect',
          value: { zh: '潜在客户', en: 'Prospect' },
          description: { zh: '已有联系但尚未购买。', en: 'Known but has not bought yet.' },
          action: { zh: '线索培育：产品介绍、试用或体验装、首单优惠，促成首次购买。', en: 'Nurture the lead: product introductions, a trial, a first-order discount.' },
          color: '#74c0fc',
        },
        {
          key: 'new',
          value: { zh: '新客户', en: 'New' },
          description: { zh: '近期首次购买的客户。', en: 'Made a first purchase recently.' },
          action: { zh: '欢迎礼遇与使用指导，首单回访，引导第二次购买。', en: 'Welcome offer and onboarding, follow up the first order, prompt a second purchase.' },
          color: '#40c057',
        },
        {
          key: 'active',
          value: { zh: '活跃客户', en: 'Active' },
          description: { zh: '近期仍在购买的老客户。', en: 'Established customers still buying recently.' },
          action: { zh: '会员权益与交叉销售，提升客单价和忠诚度。', en: 'Membership benefits and cross-selling to raise order value and loyalty.' },
          color: '#2b8a3e',
        },
        {
          key: 'silent',
          value: { zh: '沉默客户', en: 'Silent' },
          description: { zh: '有一段时间没有购买，存在流失风险。', en: 'Has not bought for a while: at risk of leaving.' },
          action: { zh: '唤醒活动：专属优惠券、新品推荐、关怀回访。', en: 'Reactivation campaign: an exclusive coupon, new products, a care call.' },
          color: '#f59f00',
        },
        {
          key: 'lost',
          value: { zh: '流失客户', en: 'Lost' },
          description: { zh: '很久没有购买，基本已流失。', en: 'Has not bought for a long time: practically gone.' },
          action: { zh: '低成本挽回（短信、邮件），调研流失原因，改进产品与服务。', en: 'Low-cost win-back (SMS, e-mail), survey why they left, improve.' },
          color: '#868e96',
        },
      ],
    },
  ],
  charts: [
    { key: 'stage_count', kind: 'bar', title: { zh: '各阶段客户数', en: 'Customers per stage' }, x: 'output:stage', measure: { op: 'count' } },
    { key: 'stage_share', kind: 'donut', title: { zh: '阶段占比', en: 'Stage shares' }, x: 'output:stage', measure: { op: 'count' } },
  ],
  sample: {
    generator: 'customers',
    mapping: { first_purchase: 'first_purchase', last_purchase: 'last_purchase', frequency: 'frequency' },
  },
  transactions: { mapping: { first_purchase: 'first_purchase', last_purchase: 'last_purchase', frequency: 'frequency' } },
};
