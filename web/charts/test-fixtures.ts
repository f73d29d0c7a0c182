// Fields and contexts shared by the chart tests.
import type { Field, SummaryGroup } from '../../common';
import { createChartText } from './chart-text';
import type { ChartContext } from './theme';

export const en: ChartContext = { t: createChartText('en'), locale: 'en' };
export const zh: ChartContext = { t: createChartText('zh-CN'), locale: 'zh-CN' };

export function field(id: string, extra: Partial<Field> = {}): Field {
  return { id, tableId: 't1', name: id, type: 'text', ...extra };
}

/** 客户等级: 高 > 中 > 低, 高 with its own colour and action. */
export const tier = field('tier', {
  name: '客户等级',
  type: 'formula',
  resultType: 'text',
  groups: [
    { value: '高', color: '#fde68a', action: '专属服务、优先支持', description: 'top 20%' },
    { value: '中', color: '' },
    { value: '低', color: '#e0f2fe' },
  ],
});
export const region = field('region', { name: '区域' });
export const amount = field('amount', { name: '金额', type: 'number' });

export function g(key: SummaryGroup['key'], count: number, measures: SummaryGroup['measures'] = [], share = 0): SummaryGroup {
  return { key, count, measures, share };
}
