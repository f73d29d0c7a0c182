// 客户类型: business model (B2B/B2C), scale (大型/中小/个人) and industry sector.
import type { TemplateDefinition } from '../schema';
import { SECTORS } from './sectors';

// The customer kind is looked up, ignoring case and spaces, in the comma-separated "individual values".
const isIndividual =
  'ISNUMBER(FIND(","&LOWER(SUBSTITUTE(TRIM({input:kind})," ",""))&",",' +
  '","&LOWER(SUBSTITUTE(SUBSTITUTE({param:individual_values},"，",",")," ",""))&","))';

const model = `IF(ISBLANK({input:kind}),{input:kind},IF(${isIndividual},{label:b2c},{label:b2b}))`;

const scale =
  `IF(ISBLANK({input:kind}),{input:kind},IFS(${isIndividual},{label:individual},` +
  '{input:employees}>={param:large_employees},{label:large},TRUE,{label:sme}))';

const contains = (keyword: string) => `ISNUMBER(SEARCH("${keyword}",{input:industry}))`;
const sector =
  'IF(ISBLANK({input:industry}),{input:industry},IFS(' +
  SECTORS.map((s) => `OR(${s.keywords.map(contains).join(',')}),{label:${s.key}}`).join(',') +
  ',TRUE,{label:other}))';

const SECTOR_ACTION = {
  zh: '按行业准备案例与方案，行业化营销与服务。',
  en: 'Prepare industry cases and offers; market and serve by industry.',
};
const SECTOR_COLORS = ['#1c7ed6', '#7048e8', '#c92a2a', '#2b8a3e', '#495057', '#e67700', '#0c8599', '#f76707', '#5c940d'];

export const customerType: TemplateDefinition = {
  id: 'customer-type',
  category: 'type',
  name: { zh: '客户类型', en: 'Customer type' },
  description: {
    zh: '按客户性质区分 B2B / B2C，按员工人数分为大型、中小企业与个人，并把行业归入常见门类。',
    en: 'Tells B2B from B2C by the kind of customer, sizes companies as large or small-and-medium (and individuals apart), and sorts industries into common sectors.',
  },
  usage: {
    zh: '需要“客户类型”列（如 企业/个人）：值在“个人客户值”列表中的为个人（B2C），其余为企业（B2B）。映射员工人数后，企业按“大型企业人数”分为大型与中小（人数为空的企业计为中小）；映射行业后，按关键词归入门类，未识别的为“其他行业”。',
    en: 'Needs a customer kind column (e.g. company / individual): values in the "individual values" list are individuals (B2C), the rest companies (B2B). With employees mapped, companies are large from "large company employees" up, else small and medium (blank headcount counts as small and medium); with industry mapped, industries are sorted into sectors by keywords, unrecognised ones into "other".',
  },
  inputs: [
    { key: 'kind', type: 'text', name: { zh: '客户类型', en: 'Customer kind' }, synonyms: ['客户类型', '客户性质', '类型', '客户类别', '企业/个人', '主体类型', 'customer type', 'customer kind', 'type', 'kind', 'segment'], required: true },
    { key: 'employees', type: 'number', name: { zh: '员工人数', en: 'Employees' }, synonyms: ['员工人数', '员工数', '人数', '人员规模', '企业规模', '规模', 'employees', 'headcount', 'staff', 'company size', 'size'], required: false },
    { key: 'industry', type: 'text', name: { zh: '行业', en: 'Industry' }, synonyms: ['行业', '所属行业', '行业类别', '行业分类', 'industry', 'sector', 'vertical'], required: false },
  ],
  parameters: [
    { key: 'large_employees', type: 'number', default: 300, min: 1, integer: true, unit: 'count', name: { zh: '大型企业人数', en: 'Large company employees' }, description: { zh: '员工人数不少于此值为大型企业', en: 'At least this many employees is a large company' } },
    { key: 'individual_values', type: 'text', default: '个人,个人客户,个体,个体户,自然人,消费者,散客,c端,b2c,person,individual,personal,consumer', name: { zh: '个人客户值', en: 'Individual values' }, description: { zh: '客户类型为这些值（逗号分隔）时视为个人', en: 'Customer kinds (comma-separated) that mean an individual' } },
  ],
  outputs: [
    {
      key: 'business_model',
      name: { zh: '业务模式', en: 'Business model' },
      formula: model,
      resultType: 'text',
      groups: [
        {
          key: 'b2b',
          value: { zh: 'B2B', en: 'B2B' },
          description: { zh: '企业、机构客户。', en: 'Companies and organisations.' },
          action: { zh: '客户经理跟进，方案式销售，框架协议与账期管理。', en: 'Account managers, solution selling, framework agreements and credit terms.' },
          color: '#1c7ed6',
        },
        {
          key: 'b2c',
          value: { zh: 'B2C', en: 'B2C' },
          description: { zh: '个人消费者。', en: 'Individual consumers.' },
          action: { zh: '会员运营、内容与社群营销，标准化服务。', en: 'Membership, content and community marketing, standard service.' },
          color: '#f76707',
        },
      ],
    },
    {
      key: 'scale',
      name: { zh: '客户规模', en: 'Customer scale' },
      formula: scale,
      requires: ['employees'],
      resultType: 'text',
      groups: [
        {
          key: 'large',
          value: { zh: '大型企业', en: 'Large company' },
          description: { zh: '员工人数多的大型企业客户。', en: 'Large companies by headcount.' },
          action: { zh: '大客户团队、定制方案、高层关系维护。', en: 'Key-account team, tailored solutions, executive relations.' },
          color: '#c92a2a',
        },
        {
          key: 'sme',
          value: { zh: '中小企业', en: 'SME' },
          description: { zh: '中小型企业客户。', en: 'Small and medium-sized companies.' },
          action: { zh: '标准化套餐与线上自助，渠道伙伴覆盖。', en: 'Standard packages, online self-service, partner coverage.' },
          color: '#f08c00',
        },
        {
          key: 'individual',
          value: { zh: '个人', en: 'Individual' },
          description: { zh: '个人客户。', en: 'Individual customers.' },
          action: { zh: '会员运营与自动化营销。', en: 'Membership and automated marketing.' },
          color: '#868e96',
        },
      ],
    },
    {
      key: 'sector',
      name: { zh: '行业门类', en: 'Sector' },
      formula: sector,
      requires: ['industry'],
      resultType: 'text',
      groups: [
        ...SECTORS.map((s, i) => ({
          key: s.key,
          value: s.value,
          description: { zh: `${s.value.zh}行业的客户。`, en: `Customers in ${s.value.en.toLowerCase()}.` },
          action: SECTOR_ACTION,
          color: SECTOR_COLORS[i % SECTOR_COLORS.length] ?? '#868e96',
        })),
        {
          key: 'other',
          value: { zh: '其他行业', en: 'Other sector' },
          description: { zh: '未被识别的行业。', en: 'Industries not recognised.' },
          action: { zh: '规范行业名称，或按需细分。', en: 'Standardise the industry names, or split further as needed.' },
          color: '#ced4da',
        },
      ],
    },
  ],
  charts: [
    { key: 'model_share', kind: 'pie', title: { zh: 'B2B / B2C 占比', en: 'B2B / B2C' }, x: 'output:business_model', measure: { op: 'count' } },
    { key: 'scale_count', kind: 'bar', title: { zh: '客户规模分布', en: 'Customers by scale' }, x: 'output:scale', measure: { op: 'count' } },
    { key: 'sector_count', kind: 'bar', title: { zh: '行业分布', en: 'Customers by sector' }, x: 'output:sector', measure: { op: 'count' } },
  ],
  sample: { generator: 'customers', mapping: { kind: 'kind', employees: 'employees', industry: 'industry' } },
};
