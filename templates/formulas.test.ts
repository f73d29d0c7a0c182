// Every rendered output formula of every template — each language, each formula variant, with plain and with
// awkward field names — parses and checks against its inputs with the formula engine (checkFormula).

import { describe, expect, it } from 'vitest';
import { checkFormula, MAX_SOURCE_LENGTH, type FormulaSchema, type SchemaField } from '../formulas';
import { listTemplates, renderTemplate, type Language, type Template } from './index';

/** Every combination of select-parameter values and of optional inputs mapped or not. */
function scenarios(t: Template): { parameters: Record<string, string>; mapped: string[] }[] {
  let params: Record<string, string>[] = [{}];
  for (const p of t.parameters)
    if (p.type === 'select') params = params.flatMap((acc) => p.options.map((o) => ({ ...acc, [p.key]: o.value })));
  const optional = t.inputs.filter((i) => !i.required).map((i) => i.key);
  const required = t.inputs.filter((i) => i.required).map((i) => i.key);
  const subsets: string[][] = [[]];
  for (const key of optional) subsets.push(...subsets.map((s) => [...s, key]));
  return params.flatMap((parameters) => subsets.map((s) => ({ parameters, mapped: [...required, ...s] })));
}

const NAMINGS: Record<string, (key: string, language: Language) => string> = {
  plain: (key) => key,
  awkward: (key, language) => (language === 'en' ? `Tom's "${key}", (net) ＄` : ` 客户 ${key}（含税）：'引号' `),
};

describe.each(listTemplates().map((t) => [t.id, t] as const))('%s', (_id, t) => {
  for (const language of ['zh-CN', 'en'] as const)
    for (const [naming, nameOf] of Object.entries(NAMINGS))
      it(`checks in ${language} with ${naming} names`, () => {
        for (const scenario of scenarios(t)) {
          const mapping = Object.fromEntries(scenario.mapped.map((k) => [k, nameOf(k, language)]));
          const rendered = renderTemplate(t, { language, mapping, parameters: scenario.parameters });
          if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
          const fields: SchemaField[] = t.inputs
            .filter((i) => scenario.mapped.includes(i.key))
            .map((i) => ({ id: `in_${i.key}`, name: mapping[i.key] ?? i.key, type: i.type }));
          for (const output of rendered.outputs) {
            const schema: FormulaSchema = { tables: [{ id: 'customers', name: 'Customers', fields }] };
            const checked = checkFormula(output.formula, schema, 'customers', { language });
            const where = `${t.id}.${output.key} ${JSON.stringify(scenario)}: ${output.formula}`;
            expect(checked.diagnostics, where).toEqual([]);
            expect(output.formula.length, where).toBeLessThanOrEqual(MAX_SOURCE_LENGTH);
            // Grouping outputs pass a blank input through (IF(ISBLANK(x),x,…)), which the checker may call mixed.
            expect([output.resultType, 'mixed'], where).toContain(checked.resultType);
            // Only the mapped inputs and earlier outputs are referenced.
            for (const ref of checked.references) expect(fields.some((f) => f.id === ref.fieldId), where).toBe(true);
            fields.push({ id: `out_${output.key}`, name: output.name, type: output.resultType });
          }
          const made = rendered.outputs.map((o) => o.key);
          const expected = t.outputs.filter((o) => (o.requires ?? []).every((k) => scenario.mapped.includes(k))).map((o) => o.key);
          expect(made).toEqual(expected);
        }
      });
});
