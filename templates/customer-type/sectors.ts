// Industry sectors recognised from free-text industry names (keywords searched ignoring case), in test order:
// the first sector with a keyword contained in the industry text wins. Data for customer-type/template.ts.

export interface Sector {
  readonly key: string;
  readonly value: { readonly zh: string; readonly en: string };
  readonly keywords: readonly string[];
}

export const SECTORS: readonly Sector[] = [
  { key: 'retail', value: { zh: '批发零售', en: 'Retail & wholesale' }, keywords: ['零售', '批发', '商贸', '贸易', '电商', '电子商务', '超市', '百货', 'retail', 'wholesale', 'trade', 'commerce'] },
  { key: 'tech', value: { zh: '信息技术', en: 'Information technology' }, keywords: ['信息', '软件', '互联网', '通信', '计算机', '数据', 'software', 'internet', 'telecom', 'technology'] },
  { key: 'finance', value: { zh: '金融', en: 'Finance' }, keywords: ['金融', '银行', '保险', '证券', '投资', '基金', 'financ', 'bank', 'insurance', 'securities'] },
  { key: 'healthcare', value: { zh: '医疗健康', en: 'Healthcare' }, keywords: ['医疗', '医药', '医院', '健康', '生物', '制药', 'medic', 'pharma', 'health', 'hospital', 'bio'] },
  { key: 'manufacturing', value: { zh: '制造业', en: 'Manufacturing' }, keywords: ['制造', '工业', '机械', '电子', '化工', '汽车', '纺织', '材料', '设备', '加工', 'manufactur', 'industrial', 'machinery', 'automotive', 'chemical'] },
  { key: 'construction', value: { zh: '建筑地产', en: 'Construction & real estate' }, keywords: ['建筑', '地产', '房产', '建材', '装饰', '装修', '工程', 'construction', 'real estate', 'property', 'building'] },
  { key: 'education', value: { zh: '教育培训', en: 'Education' }, keywords: ['教育', '培训', '学校', '院校', 'education', 'school', 'training', 'university'] },
  { key: 'hospitality', value: { zh: '餐饮住宿', en: 'Food & hospitality' }, keywords: ['餐饮', '酒店', '住宿', '旅游', '食品', 'restaurant', 'hotel', 'catering', 'food', 'travel'] },
  { key: 'logistics', value: { zh: '交通物流', en: 'Transport & logistics' }, keywords: ['物流', '运输', '快递', '仓储', '货运', 'logistic', 'transport', 'shipping', 'freight'] },
];
