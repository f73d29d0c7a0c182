// Field-name synonyms shared by several templates' inputs (data). Compared ignoring case, spaces and punctuation.

export const AMOUNT_SYNONYMS = [
  '金额', '销售额', '消费金额', '累计消费', '累计消费金额', '消费总额', '总金额', '交易额', '交易金额', '成交额',
  '成交金额', '订单金额', '营业额', '收入', '销售收入', '采购额', '采购金额', '贡献', 'GMV',
  'monetary', 'amount', 'sales', 'revenue', 'total', 'total spend', 'spend', 'total amount', 'sales amount', 'value',
];

export const FREQUENCY_SYNONYMS = [
  '购买次数', '消费次数', '订单数', '订单数量', '下单次数', '交易次数', '成交次数', '频次', '购买频次', '次数',
  'frequency', 'orders', 'order count', 'number of orders', 'purchases', 'transactions', 'count',
];

export const FIRST_PURCHASE_SYNONYMS = [
  '首次购买', '首次购买日期', '首次购买时间', '首单日期', '首次下单', '首次下单日期', '首次交易日期', '首购日期',
  '成为客户日期', 'first purchase', 'first purchase date', 'first order', 'first order date', 'customer since',
];

export const LAST_PURCHASE_SYNONYMS = [
  '最近购买', '最近购买日期', '最近购买时间', '最后购买日期', '最后购买', '最近下单日期', '最近一次购买',
  '最后交易日期', '最近交易日期', '最近消费日期', '末次购买日期', 'last purchase', 'last purchase date',
  'last order', 'last order date', 'most recent purchase', 'recency date',
];

export const CHANNEL_SYNONYMS = [
  '渠道', '购买渠道', '销售渠道', '主要渠道', '下单渠道', '来源渠道', '线上线下', 'channel', 'sales channel',
  'purchase channel',
];

/** How many units an order line holds (templates/order-amount.ts). */
export const QUANTITY_SYNONYMS = ['数量', '件数', '销量', '购买数量', '销售数量', '订购数量', 'quantity', 'qty', 'units', 'pcs', 'pieces'];

/** The price of one unit: never an amount (looksLikeUnitPrice in templates/mapping.ts). */
export const UNIT_PRICE_SYNONYMS = ['单价', '价格', '售价', '标价', '零售价', 'unit price', 'price', 'unit cost', 'cost per unit'];

/** Words that make a price-like name a sum ("Total price", "总价"), not a unit price. */
export const TOTAL_WORDS = ['total', 'amount', 'subtotal', 'extended', 'line', '总', '合计', '小计', '金额'];
