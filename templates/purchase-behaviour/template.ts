// 购买行为: frequency tiers (高频/中频/低频), order-value tiers (客单价) and channel (线上/线下/混合).
import type { TemplateDefinition } from '../schema';
import { AMOUNT_SYNONYMS, CHANNEL_SYNONYMS, FREQUENCY_SYNONYMS } from '../synonyms';

const frequencyTier =
  'IF(ISBLANK({input:frequency}),{input:frequency},IFS(' +
  '{input:frequency}>={param:high_frequency},{label:high},{input:frequency}>={param:mid_frequency},{label:mid},TRUE,{label:low}))';

// Average order value = amount / purchases; a customer with no purchase counts as low.
const orderValueTier =
  'IF(ISBLANK({input:amount}),{input:amount},IF(NOT({input:frequency}>0),{label:low},IFS(' +
  '{input:amount}/{input:frequency}>={param:high_order_value},{label:high},' +
  '{input:amount}/{input:frequency}>={param:mid_order_value},{label:mid},TRUE,{label:low})))';

// A channel value is looked up, ignoring case and spaces, in the comma-separated lists of the parameters.
const key = '","&LOWER(SUBSTITUTE(TRIM({input:channel})," ",""))&","';
const list = (param: string) => `","&LOWER(SUBSTITUTE(SUBSTITUTE({param:${param}},"，",",")," ",""))&","`;
const inList = (param: string) => `ISNUMBER(FIND(${key},${list(param)}))`;
const channelType =
  `IFS(${inList('mixed_values')},{label:mixed},${inList('online_values')},{label:online},` +
  `${inList('offline_values')},{label:offline},TRUE,{label:other})`;

export const purchaseBehaviour: TemplateDefinition = {
  id: 'purchase-behaviour',
  category: 'behaviour',
  name: { zh: '购买行为分群', en: 'Purchase behaviour' },
  description: {
    zh: '按购买频次（高频/中频/低频）、客单价（高/中/低）和购买渠道（线上/线下/混合）给客户分组。',
    en: 'Groups customers by purchase frequency (high/mid/low), average order value (high/mid/low) and channel (online/offline/mixed).',
  },
  usage: {
    zh: '需要购买次数和消费金额，渠道可选。客单价 = 消费金额 ÷ 购买次数。渠道列的值按参数中的逗号分隔列表识别（不区分大小写、忽略空格），例如“天猫”“门店”；从订单创建时，只用过一种渠道的客户取该渠道，用过多种的为“混合”。不在任何列表中的值归入“其他渠道”，把它加入相应列表即可。',
    en: 'Needs the number of purchases and the total spend; the channel is optional. Average order value = spend ÷ purchases. Channel values are recognised from the comma-separated lists of the parameters (ignoring case and spaces), e.g. "Tmall", "store"; from transactions a customer who used one channel gets it and one who used several gets "mixed". A value in no list is "other channel": add it to the right list.',
  },
  inputs: [
    { key: 'frequency', type: 'number', name: { zh: '购买次数', en: 'Frequency' }, synonyms: FREQUENCY_SYNONYMS, required: true },
    { key: 'amount', type: 'number', name: { zh: '消费金额', en: 'Amount' }, synonyms: AMOUNT_SYNONYMS, required: true, moneyTotal: true },
    { key: 'channel', type: 'text', name: { zh: '购买渠道', en: 'Channel' }, synonyms: CHANNEL_SYNONYMS, required: false },
  ],
  parameters: [
    { key: 'high_frequency', type: 'number', default: 12, min: 0, unit: 'count', name: { zh: '高频次数', en: 'High frequency' }, description: { zh: '购买次数不少于此值为高频', en: 'At least this many purchases is high frequency' } },
    { key: 'mid_frequency', type: 'number', default: 4, min: 0, unit: 'count', name: { zh: '中频次数', en: 'Mid frequency' }, description: { zh: '购买次数不少于此值为中频', en: 'At least this many purchases is mid frequency' } },
    { key: 'high_order_value', type: 'number', default: 5000, min: 0, unit: 'money', name: { zh: '高客单价', en: 'High order value' } },
    { key: 'mid_order_value', type: 'number', default: 1000, min: 0, unit: 'money', name: { zh: '中客单价', en: 'Mid order value' } },
    { key: 'online_values', type: 'text', default: '线上,网店,电商,官网,商城,天猫,淘宝,京东,拼多多,抖音,小程序,微信,app,online,web,e-commerce,ecommerce,tmall,jd', name: { zh: '线上渠道值', en: 'Online values' } },
    { key: 'offline_values', type: 'text', default: '线下,门店,实体店,专卖店,经销商,代理商,直销,展会,电话,offline,store,shop,retail,dealer,distributor', name: { zh: '线下渠道值', en: 'Offline values' } },
    { key: 'mixed_values', type: 'text', default: '混合,全渠道,线上线下,多渠道,mixed,omnichannel,omni-channel,both', name: { zh: '混合渠道值', en: 'Mixed values' } },
  ],
  constraints: [{ lessOrEqual: ['mid_frequency', 'high_frequency'] }, { lessOrEqual: ['mid_order_value', 'high_order_value'] }],
  outputs: [
    {
      key: 'frequency_tier',
      name: { zh: '购买频次分层', en: 'Frequency tier' },
      formula: frequencyTier,
      resultType: 'text',
      groups: [
        {
          key: 'high',
          value: { zh: '高频', en: 'High frequency' },
          description: { zh: '经常购买的客户。', en: 'Buys often.' },
          action: { zh: '会员专享与订阅/自动补货，保持购买节奏。', en: 'Member perks and subscriptions or auto-replenishment to keep the rhythm.' },
          color: '#2b8a3e',
        },
        {
          key: 'mid',
          value: { zh: '中频', en: 'Mid frequency' },
          description: { zh: '偶尔复购的客户。', en: 'Buys again now and then.' },
          action: { zh: '复购提醒与积分激励，培养购买习惯。', en: 'Repeat reminders and points to build a habit.' },
          color: '#fab005',
        },
        {
          key: 'low',
          value: { zh: '低频', en: 'Low frequency' },
          description: { zh: '很少购买的客户。', en: 'Seldom buys.' },
          action: { zh: '节日与大促触达，首单后引导第二次购买。', en: 'Reach them at holidays and big sales; prompt a second purchase.' },
          color: '#868e96',
        },
      ],
    },
    {
      key: 'order_value_tier',
      name: { zh: '客单价分层', en: 'Order value tier' },
      formula: orderValueTier,
      resultType: 'text',
      groups: [
        {
          key: 'high',
          value: { zh: '高客单', en: 'High order value' },
          description: { zh: '每单金额高的客户。', en: 'Large orders.' },
          action: { zh: '高端产品与增值服务推荐，专人跟进大单。', en: 'Premium products and value-added services; a person on large orders.' },
          color: '#c92a2a',
        },
        {
          key: 'mid',
          value: { zh: '中客单', en: 'Mid order value' },
          description: { zh: '每单金额中等的客户。', en: 'Medium orders.' },
          action: { zh: '组合套餐与满减，提升每单金额。', en: 'Bundles and spend-more offers to raise the order value.' },
          color: '#f08c00',
        },
        {
          key: 'low',
          value: { zh: '低客单', en: 'Low order value' },
          description: { zh: '每单金额低的客户。', en: 'Small orders.' },
          action: { zh: '凑单推荐与包邮门槛，引导加购。', en: 'Add-on suggestions and free-shipping thresholds.' },
          color: '#adb5bd',
        },
      ],
    },
    {
      key: 'channel_type',
      name: { zh: '渠道类型', en: 'Channel type' },
      formula: channelType,
      requires: ['channel'],
      resultType: 'text',
      groups: [
        {
          key: 'online',
          value: { zh: '线上', en: 'Online' },
          description: { zh: '只在线上渠道购买。', en: 'Buys online only.' },
          action: { zh: '线上会员运营与精准推送；用到店礼引导体验线下服务。', en: 'Online membership and targeted push; a store gift to try offline service.' },
          color: '#1c7ed6',
        },
        {
          key: 'offline',
          value: { zh: '线下', en: 'Offline' },
          description: { zh: '只在线下渠道购买。', en: 'Buys offline only.' },
          action: { zh: '门店/经销商维护；引导添加企业微信或关注小程序，沉淀到线上。', en: 'Store and dealer care; invite them to follow online channels.' },
          color: '#f76707',
        },
        {
          key: 'mixed',
          value: { zh: '混合', en: 'Mixed' },
          description: { zh: '线上线下都购买的全渠道客户，通常价值更高。', en: 'Buys both online and offline: omnichannel, usually worth more.' },
          action: { zh: '全渠道统一权益与积分，线上下单门店自提等打通体验。', en: 'One set of benefits and points across channels; buy online, pick up in store.' },
          color: '#7048e8',
        },
        {
          key: 'other',
          value: { zh: '其他渠道', en: 'Other channel' },
          description: { zh: '渠道为空或未被识别。', en: 'The channel is blank or not recognised.' },
          action: { zh: '补全渠道信息，或把该渠道值加入参数中的线上/线下列表。', en: 'Fill in the channel, or add the value to the online or offline list.' },
          color: '#ced4da',
        },
      ],
    },
  ],
  charts: [
    { key: 'frequency_by_value', kind: 'heatmap', title: { zh: '频次 × 客单价', en: 'Frequency × order value' }, x: 'output:frequency_tier', y: 'output:order_value_tier', measure: { op: 'count' } },
    { key: 'channel_share', kind: 'donut', title: { zh: '渠道分布', en: 'Channels' }, x: 'output:channel_type', measure: { op: 'count' } },
    { key: 'frequency_count', kind: 'bar', title: { zh: '各频次层客户数', en: 'Customers per frequency tier' }, x: 'output:frequency_tier', measure: { op: 'count' } },
  ],
  sample: { generator: 'customers', mapping: { frequency: 'frequency', amount: 'monetary', channel: 'channel' } },
  transactions: { mapping: { frequency: 'frequency', amount: 'monetary', channel: 'channel' } },
};
