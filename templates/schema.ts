// The shape of a template (API.md "Templates", extended by issue 6), as one zod schema.
// `Template` is what GET /api/templates/:id answers; the template folders hold data of this shape.

import { z } from 'zod';
import { parseFormulaTemplate } from './placeholders';

/** A text in both languages of the product. */
export const localizedSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localizedSchema>;

const keySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'keys are lower_snake_case');
const groupKeySchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'group keys are letters, digits and _');
const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');

export const INPUT_TYPES = ['text', 'number', 'date', 'boolean'] as const;
export type InputType = (typeof INPUT_TYPES)[number];

export const inputSchema = z
  .object({
    key: keySchema,
    type: z.enum(INPUT_TYPES),
    name: localizedSchema,
    description: localizedSchema.optional(),
    /** Field names that suggest this input (both languages; compared ignoring case, spaces and punctuation). */
    synonyms: z.array(z.string().min(1)),
    required: z.boolean(),
    /** A sum of money (what a customer or an order paid): a field named like a unit price is never suggested for
     *  it, and a warning says so when one is chosen (templates/order-amount.ts). */
    moneyTotal: z.boolean().optional(),
  })
  .strict();
export type TemplateInput = z.infer<typeof inputSchema>;

const parameterBase = {
  key: keySchema,
  name: localizedSchema,
  description: localizedSchema.optional(),
};

export const parameterSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...parameterBase,
      type: z.literal('number'),
      default: z.number().finite(),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      /** How the UI shows and edits it: a share (0.2 shown as 20%), a day count, money, a count. */
      unit: z.enum(['share', 'days', 'money', 'count', 'years']).optional(),
      integer: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ...parameterBase,
      type: z.literal('select'),
      default: z.string(),
      options: z.array(z.object({ value: z.string().min(1), name: localizedSchema }).strict()).min(1),
    })
    .strict(),
  z.object({ ...parameterBase, type: z.literal('text'), default: z.string() }).strict(),
  z.object({ ...parameterBase, type: z.literal('boolean'), default: z.boolean() }).strict(),
]);
export type TemplateParameter = z.infer<typeof parameterSchema>;
export type ParameterValue = number | string | boolean;

export const groupSchema = z
  .object({
    key: groupKeySchema,
    /** The label written into cells, in the workbook's language. */
    value: localizedSchema,
    description: localizedSchema,
    /** The suggested action for the customers of this group. */
    action: localizedSchema,
    color: colorSchema,
  })
  .strict();
export type TemplateGroup = z.infer<typeof groupSchema>;

/** When a formula variant applies: every condition must hold. */
export const conditionSchema = z.union([
  z.object({ param: keySchema, equals: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
  z.object({ mapped: keySchema }).strict(),
  z.object({ unmapped: keySchema }).strict(),
]);
export type TemplateCondition = z.infer<typeof conditionSchema>;

export const outputSchema = z
  .object({
    key: keySchema,
    name: localizedSchema,
    description: localizedSchema.optional(),
    /** A formula template (templates/placeholders.ts): the formula language with placeholders for fields. */
    formula: z.string().min(1),
    /** Alternatives to `formula`: the first whose conditions all hold is used. */
    variants: z.array(z.object({ when: z.array(conditionSchema).min(1), formula: z.string().min(1) }).strict()).optional(),
    /** The output is made only when these (optional) inputs are mapped. */
    requires: z.array(keySchema).optional(),
    resultType: z.enum(['text', 'number', 'date', 'boolean']),
    /** Display format (FORMULAS.md TEXT codes), e.g. "#,##0.00". */
    format: z.string().optional(),
    /** A grouping column: its groups, in order. */
    groups: z.array(groupSchema).min(1).optional(),
    /** A score column (whole numbers `from`…`to`, e.g. RFM's 1–5): each score is counted as a group, keyed "1"…"5". */
    scores: z.object({ from: z.number().int(), to: z.number().int() }).strict().optional(),
  })
  .strict();
export type TemplateOutput = z.infer<typeof outputSchema>;

/** A field a chart shows: "input:key" or "output:key". */
const chartFieldSchema = z.string().regex(/^(input|output):[a-z][a-z0-9_]*$/);

export const chartSchema = z
  .object({
    key: keySchema,
    kind: z.enum(['bar', 'pie', 'donut', 'pareto', 'treemap', 'heatmap', 'scatter', 'histogram']),
    title: localizedSchema,
    /** The grouping field; for pareto and histogram, the class/tier field whose bands or cut points are drawn
     *  over `measure.field`, the number field. */
    x: chartFieldSchema,
    /** A second grouping (heatmap, stacked bar) or the y of a scatter. */
    y: chartFieldSchema.optional(),
    /** What each bar/slice measures: count of customers (default), or sum/avg of a field. */
    measure: z.object({ op: z.enum(['count', 'sum', 'avg']), field: chartFieldSchema.optional() }).strict().optional(),
  })
  .strict();
export type TemplateChart = z.infer<typeof chartSchema>;

/** The fields of the customer summary made "from transactions" (templates/orders.ts). */
export const SUMMARY_FIELD_KEYS = ['customer', 'first_purchase', 'last_purchase', 'frequency', 'monetary', 'channel'] as const;

export const SAMPLE_GENERATORS = ['customers', 'orders'] as const;
export type SampleGeneratorId = (typeof SAMPLE_GENERATORS)[number];

export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    category: z.enum(['value', 'behaviour', 'lifecycle', 'type', 'geography']),
    name: localizedSchema,
    description: localizedSchema,
    /** How to use it: what data it needs, how to tune the parameters, how to read the groups. */
    usage: localizedSchema,
    inputs: z.array(inputSchema).min(1),
    parameters: z.array(parameterSchema),
    /** Parameter rules checked when applying: left ≤ right, or a sum at most max. */
    constraints: z
      .array(
        z.union([
          z.object({ lessOrEqual: z.tuple([keySchema, keySchema]) }).strict(),
          z.object({ sumAtMost: z.object({ params: z.array(keySchema).min(2), max: z.number() }).strict() }).strict(),
        ]),
      )
      .optional(),
    outputs: z.array(outputSchema).min(1),
    charts: z.array(chartSchema),
    /** Sample data: a generator of templates/sample-data and which of its fields feeds each input. */
    sample: z
      .object({
        generator: z.enum(SAMPLE_GENERATORS),
        mapping: z.record(z.string(), z.string()),
      })
      .strict(),
    /** Present when the scheme can run on a customer summary made from an order table (API.md "From
     *  transactions"): which summary field (customer, first_purchase, last_purchase, frequency, monetary,
     *  channel) feeds each input. */
    transactions: z.object({ mapping: z.record(z.string(), z.enum(SUMMARY_FIELD_KEYS)) }).strict().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (keys: string[], path: string) => {
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        if (seen.has(k)) issue([path, i, 'key'], `duplicate key "${k}"`);
        seen.add(k);
      });
    };
    unique(t.inputs.map((x) => x.key), 'inputs');
    unique(t.parameters.map((x) => x.key), 'parameters');
    unique(t.outputs.map((x) => x.key), 'outputs');
    unique(t.charts.map((x) => x.key), 'charts');

    const inputs = new Map(t.inputs.map((x) => [x.key, x]));
    const params = new Map(t.parameters.map((x) => [x.key, x]));

    t.parameters.forEach((p, i) => {
      if (p.type === 'select' && !p.options.some((o) => o.value === p.default))
        issue(['parameters', i, 'default'], `default "${p.default}" is not one of the options`);
      if (p.type === 'number') {
        if (p.min !== undefined && p.default < p.min) issue(['parameters', i, 'default'], 'default below min');
        if (p.max !== undefined && p.default > p.max) issue(['parameters', i, 'default'], 'default above max');
        if (p.integer && !Number.isInteger(p.default)) issue(['parameters', i, 'default'], 'default is not an integer');
      }
    });
    (t.constraints ?? []).forEach((c, i) => {
      const keys = 'lessOrEqual' in c ? c.lessOrEqual : c.sumAtMost.params;
      for (const k of keys) {
        const p = params.get(k);
        if (!p || p.type !== 'number') issue(['constraints', i], `"${k}" is not a number parameter`);
      }
    });

    const made = new Map<string, (typeof t.outputs)[number]>();
    t.outputs.forEach((o, i) => {
      for (const r of o.requires ?? []) {
        const input = inputs.get(r);
        if (!input) issue(['outputs', i, 'requires'], `unknown input "${r}"`);
        else if (input.required) issue(['outputs', i, 'requires'], `input "${r}" is required anyway`);
      }
      const sources: { formula: string; path: (string | number)[] }[] = [{ formula: o.formula, path: ['outputs', i, 'formula'] }];
      (o.variants ?? []).forEach((v, j) => {
        sources.push({ formula: v.formula, path: ['outputs', i, 'variants', j, 'formula'] });
        v.when.forEach((c, k) => {
          const where = ['outputs', i, 'variants', j, 'when', k];
          if ('param' in c) {
            const p = params.get(c.param);
            if (!p) issue(where, `unknown parameter "${c.param}"`);
            else if (typeof c.equals !== typeof p.default) issue(where, `"${c.param}" never equals ${JSON.stringify(c.equals)}`);
          } else {
            const key = 'mapped' in c ? c.mapped : c.unmapped;
            if (!inputs.has(key)) issue(where, `unknown input "${key}"`);
          }
        });
      });
      for (const { formula, path } of sources) {
        const parsed = parseFormulaTemplate(formula);
        for (const p of parsed.problems) issue(path, `${p.message} (at ${p.start})`);
        for (const p of parsed.placeholders) {
          const at = `${formula.slice(p.start, p.end)} (at ${p.start})`;
          if (p.kind === 'input' && !inputs.has(p.key)) issue(path, `unknown input ${at}`);
          if (p.kind === 'param' && !params.has(p.key)) issue(path, `unknown parameter ${at}`);
          if (p.kind === 'output' && !made.has(p.key)) issue(path, `${at} is not an output made before this one`);
          if (p.kind === 'orders') issue(path, `${at} is only for customer summary formulas`);
          if (p.kind === 'label') {
            const [first, second] = p.key.split('.');
            const owner = second === undefined ? o : made.get(first ?? '');
            const groupKey = second ?? first;
            if (!owner) issue(path, `${at}: no earlier output "${first}"`);
            else if (!owner.groups?.some((g) => g.key === groupKey)) issue(path, `${at}: no group "${groupKey}"`);
          }
        }
      }
      if (o.scores) {
        if (o.groups) issue(['outputs', i, 'scores'], 'an output has groups or scores, not both');
        if (o.resultType !== 'number') issue(['outputs', i, 'scores'], 'scores are numbers');
        if (o.scores.to <= o.scores.from) issue(['outputs', i, 'scores'], 'scores go from a smaller to a larger number');
      }
      if (o.groups) {
        unique(o.groups.map((g) => g.key), `outputs.${i}.groups`);
        const zh = new Set(o.groups.map((g) => g.value.zh));
        const en = new Set(o.groups.map((g) => g.value.en.toLowerCase()));
        if (zh.size !== o.groups.length || en.size !== o.groups.length)
          issue(['outputs', i, 'groups'], 'group labels must differ (ignoring case) in each language');
      }
      made.set(o.key, o);
    });

    t.charts.forEach((c, i) => {
      for (const ref of [c.x, c.y, c.measure?.field]) {
        if (!ref) continue;
        const [kind, key] = ref.split(':') as [string, string];
        if (kind === 'input' ? !inputs.has(key) : !made.has(key)) issue(['charts', i], `unknown field "${ref}"`);
      }
    });

    for (const input of t.inputs)
      if (input.required && !(input.key in t.sample.mapping)) issue(['sample', 'mapping'], `required input "${input.key}" has no sample field`);
    for (const key of Object.keys(t.sample.mapping))
      if (!inputs.has(key)) issue(['sample', 'mapping', key], `unknown input "${key}"`);
    if (t.transactions) {
      for (const input of t.inputs)
        if (input.required && !(input.key in t.transactions.mapping))
          issue(['transactions', 'mapping'], `required input "${input.key}" has no summary field`);
      for (const key of Object.keys(t.transactions.mapping))
        if (!inputs.has(key)) issue(['transactions', 'mapping', key], `unknown input "${key}"`);
    }
  });

export type Template = z.infer<typeof templateSchema>;
/** What a template folder writes (defaults not yet applied; same as Template here). */
export type TemplateDefinition = z.input<typeof templateSchema>;
