// From a template and a user's choices (mapping, parameters, language) to real formulas (FORMULAS.md).
// Pure: no engine, no I/O. User mistakes come back as problems with API error codes, never as exceptions.

import {
  booleanLiteral,
  columnRef,
  nameProblem,
  numberLiteral,
  pick,
  rowRef,
  textLiteral,
  type Language,
} from './literals';
import { parseFormulaTemplate, type Placeholder } from './placeholders';
import type { ParameterValue, Template, TemplateCondition, TemplateOutput } from './schema';

export type TemplateProblemCode =
  | 'TEMPLATE_INPUT_MISSING'
  | 'TEMPLATE_UNKNOWN_INPUT'
  | 'TEMPLATE_PARAMETER_INVALID'
  | 'INVALID_NAME';

export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  readonly message: string;
  /** The input or parameter concerned. */
  readonly key?: string;
}

/** What a user chose when applying a template. */
export interface RenderOptions {
  readonly language: Language;
  /** inputKey → the NAME of the user's field (as the user sees it). Unmapped optional inputs are left out. */
  readonly mapping: Readonly<Record<string, string>>;
  /** Parameter values; missing ones take their defaults. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** outputKey → the name the output field gets, when not its localized name (e.g. renamed on a conflict). */
  readonly outputNames?: Readonly<Record<string, string>>;
}

export interface RenderedGroup {
  readonly key: string;
  /** The label written into cells, in the chosen language. */
  readonly value: string;
  readonly color: string;
  readonly description: string;
  readonly action: string;
}

export interface RenderedOutput {
  readonly key: string;
  /** The field's name: the localized output name, or outputNames[key]. */
  readonly name: string;
  /** The formula in the shown form (names), ready for POST /api/tables/:id/fields. */
  readonly formula: string;
  readonly resultType: TemplateOutput['resultType'];
  readonly description?: string;
  readonly format?: string;
  readonly groups?: readonly RenderedGroup[];
  /** A score column: its whole numbers from…to (templates/schema.ts). */
  readonly scores?: { readonly from: number; readonly to: number };
}

export type RenderResult =
  | {
      readonly ok: true;
      readonly parameters: Readonly<Record<string, ParameterValue>>;
      /** In order: an output may use the ones before it, so make the fields in this order. */
      readonly outputs: readonly RenderedOutput[];
      /** Outputs not made because an optional input they need is not mapped. */
      readonly skipped: readonly { key: string; missing: string[] }[];
    }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

const say = (language: Language, zh: string, en: string) => (language === 'en' ? en : zh);

/** The parameters with defaults filled in and every value checked (type, options, min/max, constraints). */
export function resolveParameters(
  template: Template,
  given: Readonly<Record<string, unknown>> | undefined,
  language: Language,
): { values: Record<string, ParameterValue>; problems: TemplateProblem[] } {
  const values: Record<string, ParameterValue> = {};
  const problems: TemplateProblem[] = [];
  const bad = (key: string, zh: string, en: string) =>
    problems.push({ code: 'TEMPLATE_PARAMETER_INVALID', key, message: say(language, zh, en) });
  for (const key of Object.keys(given ?? {}))
    if (!template.parameters.some((p) => p.key === key))
      bad(key, `模板“${template.name.zh}”没有参数“${key}”`, `template "${template.name.en}" has no parameter "${key}"`);
  for (const p of template.parameters) {
    const raw = given?.[p.key];
    const value = raw === undefined || raw === null ? p.default : raw;
    const label = pick(p.name, language);
    switch (p.type) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          bad(p.key, `参数“${label}”需要一个数字`, `parameter "${label}" needs a number`);
          continue;
        }
        if (p.integer && !Number.isInteger(value)) bad(p.key, `参数“${label}”需要整数`, `parameter "${label}" needs a whole number`);
        if (p.min !== undefined && value < p.min)
          bad(p.key, `参数“${label}”不能小于 ${p.min}`, `parameter "${label}" must be at least ${p.min}`);
        if (p.max !== undefined && value > p.max)
          bad(p.key, `参数“${label}”不能大于 ${p.max}`, `parameter "${label}" must be at most ${p.max}`);
        break;
      case 'select':
        if (typeof value !== 'string' || !p.options.some((o) => o.value === value)) {
          const list = p.options.map((o) => o.value).join(', ');
          bad(p.key, `参数“${label}”只能是：${list}`, `parameter "${label}" must be one of: ${list}`);
          continue;
        }
        break;
      case 'text':
        if (typeof value !== 'string') {
          bad(p.key, `参数“${label}”需要文本`, `parameter "${label}" needs text`);
          continue;
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') {
          bad(p.key, `参数“${label}”需要 TRUE 或 FALSE`, `parameter "${label}" needs TRUE or FALSE`);
          continue;
        }
        break;
    }
    values[p.key] = value as ParameterValue;
  }
  // Constraints between parameters are checked only when their parameters are valid one by one.
  const invalid = new Set(problems.map((p) => p.key));
  const nameOf = (key: string) => {
    const p = template.parameters.find((x) => x.key === key);
    return p ? pick(p.name, language) : key;
  };
  for (const c of template.constraints ?? []) {
    const keys = 'lessOrEqual' in c ? c.lessOrEqual : c.sumAtMost.params;
    if (keys.some((k) => invalid.has(k))) continue;
    if ('lessOrEqual' in c) {
      const [a, b] = c.lessOrEqual;
      const va = values[a];
      const vb = values[b];
      if (typeof va === 'number' && typeof vb === 'number' && va > vb)
        bad(a, `参数“${nameOf(a)}”不能大于“${nameOf(b)}”`, `parameter "${nameOf(a)}" must not exceed "${nameOf(b)}"`);
    } else {
      const { params, max } = c.sumAtMost;
      const sum = params.reduce((s, k) => s + (typeof values[k] === 'number' ? (values[k] as number) : 0), 0);
      if (sum > max + 1e-12) {
        const names = params.map(nameOf);
        bad(
          params[0] ?? '',
          `参数${names.map((n) => `“${n}”`).join('与')}之和不能大于 ${max}`,
          `parameters ${names.map((n) => `"${n}"`).join(' + ')} must add up to at most ${max}`,
        );
      }
    }
  }
  return { values, problems };
}

function holds(condition: TemplateCondition, mapping: Readonly<Record<string, string>>, params: Record<string, ParameterValue>): boolean {
  if ('param' in condition) return params[condition.param] === condition.equals;
  if ('mapped' in condition) return mapping[condition.mapped] !== undefined;
  return mapping[condition.unmapped] === undefined;
}

/** The formula template an output uses under these choices (its first matching variant, else `formula`). */
export function chooseFormula(
  output: TemplateOutput,
  mapping: Readonly<Record<string, string>>,
  params: Record<string, ParameterValue>,
): string {
  const variant = output.variants?.find((v) => v.when.every((c) => holds(c, mapping, params)));
  return variant?.formula ?? output.formula;
}

/** How each placeholder is written; return undefined for "cannot" (reported by the caller). */
export interface PlaceholderResolver {
  (placeholder: Placeholder): string | undefined;
}

/** Replaces every placeholder of a formula template. Throws on a malformed template (a bug, not a user mistake). */
export function renderFormula(source: string, resolve: PlaceholderResolver): string {
  const parsed = parseFormulaTemplate(source);
  if (parsed.problems.length > 0) throw new Error(`malformed formula template: ${parsed.problems[0]?.message}`);
  let out = '';
  for (const part of parsed.parts) {
    if ('text' in part) {
      out += part.text;
      continue;
    }
    const text = resolve(part.placeholder);
    if (text === undefined)
      throw new Error(`placeholder ${source.slice(part.placeholder.start, part.placeholder.end)} cannot be rendered`);
    out += text;
  }
  return out;
}

export function parameterLiteral(value: ParameterValue): string {
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return booleanLiteral(value);
  return textLiteral(value);
}

/** Every output of a template as real formulas, for a table whose fields are named in `options.mapping`. */
export function renderTemplate(template: Template, options: RenderOptions): RenderResult {
  const { language, mapping } = options;
  const problems: TemplateProblem[] = [];
  for (const [key, field] of Object.entries(mapping)) {
    if (!template.inputs.some((i) => i.key === key))
      problems.push({
        code: 'TEMPLATE_UNKNOWN_INPUT',
        key,
        message: say(language, `模板“${template.name.zh}”没有输入“${key}”`, `template "${template.name.en}" has no input "${key}"`),
      });
    const why = nameProblem(field, language);
    if (why) problems.push({ code: 'INVALID_NAME', key, message: why });
  }
  for (const input of template.inputs)
    if (input.required && mapping[input.key] === undefined)
      problems.push({
        code: 'TEMPLATE_INPUT_MISSING',
        key: input.key,
        message: say(
          language,
          `请为“${input.name.zh}”选择一个字段（${typeName(input.type, language)}）`,
          `choose a field for "${input.name.en}" (${typeName(input.type, language)})`,
        ),
      });
  const { values: params, problems: paramProblems } = resolveParameters(template, options.parameters, language);
  problems.push(...paramProblems);
  const names = new Map<string, string>();
  for (const o of template.outputs) {
    const name = options.outputNames?.[o.key] ?? pick(o.name, language);
    const why = nameProblem(name, language);
    if (why) problems.push({ code: 'INVALID_NAME', key: o.key, message: why });
    names.set(o.key, name);
  }
  if (problems.length > 0) return { ok: false, problems };

  const outputs: RenderedOutput[] = [];
  const skipped: { key: string; missing: string[] }[] = [];
  for (const o of template.outputs) {
    const missing = (o.requires ?? []).filter((k) => mapping[k] === undefined);
    if (missing.length > 0) {
      skipped.push({ key: o.key, missing });
      continue;
    }
    const resolve: PlaceholderResolver = (p) => {
      switch (p.kind) {
        case 'input': {
          const field = mapping[p.key];
          // An unmapped optional input reads as empty text in a row; templates test it with TRIM(…)="".
          if (field === undefined) return p.mode === 'row' ? '""' : undefined;
          return p.mode === 'row' ? rowRef(field) : columnRef(field);
        }
        case 'output': {
          if (!outputs.some((x) => x.key === p.key)) return undefined;
          const field = names.get(p.key);
          if (field === undefined) return undefined;
          return p.mode === 'row' ? rowRef(field) : columnRef(field);
        }
        case 'param': {
          const value = params[p.key];
          return value === undefined ? undefined : parameterLiteral(value);
        }
        case 'label': {
          const [first, second] = p.key.split('.');
          const owner = second === undefined ? o : template.outputs.find((x) => x.key === first);
          const group = owner?.groups?.find((g) => g.key === (second ?? first));
          return group ? textLiteral(pick(group.value, language)) : undefined;
        }
        default:
          return undefined;
      }
    };
    outputs.push({
      key: o.key,
      name: names.get(o.key) ?? pick(o.name, language),
      formula: renderFormula(chooseFormula(o, mapping, params), resolve),
      resultType: o.resultType,
      ...(o.description ? { description: pick(o.description, language) } : {}),
      ...(o.format ? { format: o.format } : {}),
      ...(o.groups
        ? {
            groups: o.groups.map((g) => ({
              key: g.key,
              value: pick(g.value, language),
              color: g.color,
              description: pick(g.description, language),
              action: pick(g.action, language),
            })),
          }
        : {}),
      ...(o.scores ? { scores: { from: o.scores.from, to: o.scores.to } } : {}),
    });
  }
  return { ok: true, parameters: params, outputs, skipped };
}

export function typeName(type: string, language: Language): string {
  const zh: Record<string, string> = { text: '文本', number: '数字', date: '日期', boolean: '是/否' };
  const en: Record<string, string> = { text: 'text', number: 'number', date: 'date', boolean: 'yes/no' };
  return (language === 'en' ? en[type] : zh[type]) ?? type;
}
