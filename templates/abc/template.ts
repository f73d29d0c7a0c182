// ABC / Pareto: A while the cumulative share of revenue is at most 80%, B up to 95%, else C (PARETO).
import type { TemplateDefinition } from '../schema';
import { AMOUNT_SYNONYMS } from '../synonyms';

const formula =
  'IF(ISBLANK({input:amount}),{input:amount},IFS(' +
  'PARETO([input:amount],{input:amount})<={param:a},{label:A},' +
  'PARETO([input:amount],{input:amount})<={param:b},{label:B},' +
  'TRUE,{label:C}))';

export const abc: TemplateDefinition = {
  id: 'abc',
  category: 'value',
  name: { zh: 'ABC 分类（帕累托）', en: 'ABC analysis (Pareto)' },
  description: {
    zh: '按收入累计占比分类：贡献前 80% 收入的客户为 A 类，80%–95% 为 B 类，其余为 C 类（二八法则）。',
    en: 'Classifies customers by cumulative share of revenue: those bringing the first 80% are A, up to 95% B, the rest C (the 80/20 rule).',
  },
  usage: {
    zh: '需要一列数字：每位客户的消费金额。客户按金额从大到小累计，PARETO 给出“金额不低于该客户的所有客户”占总额的比例。A、B 的比例可调（默认 0.8 与 0.95）。金额为空的客户不分类。',
    en: 'Needs one number column: each customer\'s spend. PARETO gives the share of the total held by every customer spending at least as much as this one. The A and B cut-offs can be tuned (0.8 and 0.95 by default). Customers with a blank amount are left unclassified.',
  },
  inputs: [
    { key: 'amount', type: 'number', name: { zh: '消费金额', en: 'Amount' }, synonyms: AMOUNT_SYNONYMS, required: true, moneyTotal: true },
  ],
  parameters: [
    { key: 'a', type: 'number', default: 0.8, min: 0, max: 1, unit: 'share', name: { zh: 'A 类累计占比', en: 'A cut-off (cumulative share)' } },
    { key: 'b', type: 'number', default: 0.95, min: 0, max: 1, unit: 'share', name: { zh: 'B 类累计占比', en: 'B cut-off (cumulative share)' } },
  ],
  constraints: [{ lessOrEqual: ['a', 'b'] }],
  outputs: [
    {
      key: 'abc',
      name: { zh: 'ABC 分类', en: 'ABC class' },
      formula,
      resultType: 'text',
      groups: [
        {
          key: 'A',
          value: { zh: 'A类', en: 'A' },
          description: { zh: '少数客户贡献了约 80% 的收入，是业务的根基。', en: 'A few customers who bring about 80% of the revenue: the core of the business.' },
          action: { zh: '重点投入：专属服务、优先支持、高层互访，签订长期协议。', en: 'Invest most: dedicated service, priority support, executive contact, long-term agreements.' },
          color: '#c92a2a',
        },
        {
          key: 'B',
          value: { zh: 'B类', en: 'B' },
          description: { zh: '贡献约 15% 收入的中间客户。', en: 'The middle customers who bring about 15% of the revenue.' },
          action: { zh: '定期跟进，挖掘增购机会，培养其中有潜力的客户进入 A 类。', en: 'Regular follow-up, look for upsell chances, grow the promising ones into A.' },
          color: '#e67700',
        },
        {
          key: 'C',
          value: { zh: 'C类', en: 'C' },
          description: { zh: '人数众多、合计只贡献约 5% 收入的长尾客户。', en: 'The long tail: many customers who together bring about 5% of the revenue.' },
          action: { zh: '标准化、自助化服务，批量营销，控制服务成本。', en: 'Standard and self-service, bulk marketing, keep the cost to serve low.' },
          color: '#868e96',
        },
      ],
    },
  ],
  charts: [
    { key: 'pareto', kind: 'pareto', title: { zh: '帕累托曲线', en: 'Pareto curve' }, x: 'output:abc', measure: { op: 'sum', field: 'input:amount' } },
    { key: 'abc_count', kind: 'bar', title: { zh: '各类客户数', en: 'Customers per class' }, x: 'output:abc', measure: { op: 'count' } },
  ],
  sample: { generator: 'customers', mapping: { amount: 'monetary' } },
  transactions: { mapping: { amount: 'monetary' } },
};
