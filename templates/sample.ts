// A template's own sample data: the generated table with fields named in the workbook's language, and the
// mapping of the template's inputs to those fields.

import type { Language } from './literals';
import type { Template } from './schema';
import {
  generateSampleData,
  sampleTableData,
  type SampleData,
  type SampleOptions,
  type SampleValue,
} from './sample-data/generate';

export interface TemplateSample {
  readonly asOf: string;
  /** The table to create (customers or orders, per the template's generator). */
  readonly table: { name: string; fields: { name: string; type: 'text' | 'number' | 'date' | 'boolean' }[]; rows: Record<string, SampleValue>[] };
  /** inputKey → field name of `table`. */
  readonly mapping: Record<string, string>;
  /** The orders the customer table summarizes (same seed), for a workbook that shows both. */
  readonly orders: TemplateSample['table'];
}

export function templateSample(template: Template, options: SampleOptions & { language: Language }): TemplateSample {
  const data: SampleData = generateSampleData(options);
  const source = template.sample.generator === 'orders' ? data.orders : data.customers;
  const table = sampleTableData(source, options.language);
  const mapping: Record<string, string> = {};
  for (const [input, key] of Object.entries(template.sample.mapping)) {
    const field = source.fields.find((f) => f.key === key);
    if (!field) throw new Error(`template "${template.id}": sample field "${key}" does not exist`);
    mapping[input] = options.language === 'en' ? field.name.en : field.name.zh;
  }
  return { asOf: data.asOf, table, mapping, orders: sampleTableData(data.orders, options.language) };
}
