// Pure logic of the template dialogs: the mapping of inputs to fields, parameter text ↔ values, the apply body.
import {
  chooseFormula, lineAmount, looksLikeUnitPrice, ORDER_INPUTS, parseFormulaTemplate, suggestMapping, unitPriceWarning, type FieldInfo, type Language,
  type LineAmount, type MappableInput, type ParameterValue, type Template, type TemplateParameter,
} from '../../templates';
import type { Field } from '../api/types';
import { freeName } from '../stores/import';

/** inputKey → fieldId ('' when not mapped). */
export type MappingState = Record<string, string>;

function fieldInfo(f: Field): FieldInfo {
  return { name: f.name, type: f.type, ...(f.resultType ? { resultType: f.resultType } : {}) } as FieldInfo;
}

/** Pre-fills the mapping from templates' suggestMapping (names → ids), with the explanation of each missing input. */
export function initialMapping(t: Template, fields: readonly Field[], language: Language): { mapping: MappingState; messages: Record<string, string> } {
  return initialInputMapping(t.inputs, fields, language);
}

/** The same for "from transactions": the orders table's customer, date, amount, order and channel. */
export function initialOrderMapping(fields: readonly Field[], language: Language): { mapping: MappingState; messages: Record<string, string> } {
  return initialInputMapping(ORDER_INPUTS, fields, language);
}

/**
 * Whether to start the dialog "from transactions": the template can, the order inputs (customer, date, amount)
 * are found — the amount may be quantity × unit price, one click away —, and the table looks like an order log:
 * it has an order-number column, or the template's own required inputs are not all there.
 */
export function suggestTransactions(t: Template, fields: readonly Field[], language: Language): boolean {
  if (!t.transactions) return false;
  const orders = initialOrderMapping(fields, language).mapping;
  const amountCanBeMade = amountOffer(fields, orders, language) !== null;
  if (!ORDER_INPUTS.every((i) => !i.required || orders[i.key] !== '' || (i.key === 'amount' && amountCanBeMade))) return false;
  if (orders.order) return true;
  return missingRequired(t, initialMapping(t, fields, language).mapping).length > 0;
}

/** The order inputs left without a field. */
export function missingOrderInputs(mapping: MappingState): string[] {
  return ORDER_INPUTS.filter((i) => i.required && !mapping[i.key]).map((i) => i.key);
}

function initialInputMapping(inputs: readonly MappableInput[], fields: readonly Field[], language: Language): { mapping: MappingState; messages: Record<string, string> } {
  const s = suggestMapping(inputs, fields.map(fieldInfo), language);
  const mapping: MappingState = {};
  const messages: Record<string, string> = {};
  for (const input of inputs) {
    const name = s.mapping[input.key];
    mapping[input.key] = (name !== undefined ? fields.find((f) => f.name === name)?.id : undefined) ?? '';
  }
  for (const m of s.missing) messages[m.key] = m.message;
  return { mapping, messages };
}

/** Warnings about the chosen fields (a unit price chosen for an amount), by input key; they do not block applying. */
export function mappingWarnings(inputs: readonly MappableInput[], fields: readonly Field[], mapping: MappingState, language: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of inputs) {
    const name = fields.find((f) => f.id === mapping[input.key])?.name;
    const warning = name === undefined ? undefined : unitPriceWarning(input, name, language);
    if (warning !== undefined) out[input.key] = warning;
  }
  return out;
}

/**
 * "Amount = quantity × unit price", offered when the orders have both and the amount is not mapped or is mapped
 * to a unit price; the new field's name is free in the table ("Amount 2" when "Amount" is taken).
 */
export function amountOffer(fields: readonly Field[], orderMapping: MappingState, language: Language): LineAmount | null {
  const mapped = fields.find((f) => f.id === orderMapping.amount);
  if (mapped && !looksLikeUnitPrice(mapped.name)) return null;
  const offer = lineAmount(fields.map(fieldInfo), language);
  return offer ? { ...offer, name: freeName(offer.name, fields.map((f) => f.name)) } : null;
}

/** The required inputs left without a field. */
export function missingRequired(t: Template, mapping: MappingState): string[] {
  return t.inputs.filter((i) => i.required && !mapping[i.key]).map((i) => i.key);
}

/** The same field chosen for two inputs (keys of the later ones). */
export function duplicateInputs(mapping: MappingState): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const [k, v] of Object.entries(mapping)) {
    if (!v) continue;
    if (seen.has(v)) dup.push(k);
    seen.add(v);
  }
  return dup;
}

/** The mapping the API wants: only mapped inputs. */
export function mappingBody(mapping: MappingState): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== ''));
}

/** The text an input box shows for a parameter value (shares as percentages). */
export function formatParameter(p: TemplateParameter, value: unknown): string {
  if (p.type === 'number') {
    const n = typeof value === 'number' ? value : p.default;
    if (p.unit === 'share') return String(Math.round(n * 100 * 1e6) / 1e6);
    return String(n);
  }
  return String(value ?? p.default);
}

export type ParsedParameter = { ok: true; value: number | string | boolean } | { ok: false; reason: 'number' | 'integer' | 'min' | 'max'; limit?: number };

/** Parses what the user typed for a parameter (shares typed as percentages, "20%" or "20"). */
export function parseParameter(p: TemplateParameter, text: string): ParsedParameter {
  if (p.type !== 'number') {
    if (p.type === 'boolean') return { ok: true, value: text === 'true' };
    return { ok: true, value: text };
  }
  const cleaned = text.trim().replace(/[,，\s]/g, '').replace(/[%％]$/, '');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return { ok: false, reason: 'number' };
  let n = Number(cleaned);
  if (!Number.isFinite(n)) return { ok: false, reason: 'number' };
  if (p.unit === 'share') n = Math.round((n / 100) * 1e9) / 1e9;
  if (p.integer && !Number.isInteger(n)) return { ok: false, reason: 'integer' };
  if (p.min !== undefined && n < p.min) return { ok: false, reason: 'min', limit: p.min };
  if (p.max !== undefined && n > p.max) return { ok: false, reason: 'max', limit: p.max };
  return { ok: true, value: n };
}

/** Parameter texts → values; errors keyed by parameter key. */
export function parseParameters(t: Template, texts: Record<string, string>): { values: Record<string, number | string | boolean>; errors: Record<string, ParsedParameter & { ok: false }> } {
  const values: Record<string, number | string | boolean> = {};
  const errors: Record<string, ParsedParameter & { ok: false }> = {};
  for (const p of t.parameters) {
    const r = parseParameter(p, texts[p.key] ?? formatParameter(p, p.default));
    if (r.ok) values[p.key] = r.value;
    else errors[p.key] = r;
  }
  return { values, errors };
}

export function defaultParameterTexts(t: Template): Record<string, string> {
  return Object.fromEntries(t.parameters.map((p) => [p.key, formatParameter(p, p.default)]));
}

/**
 * The parameters that matter under the current choices: select parameters (they pick a formula) and those the
 * chosen formulas of the outputs that will be made use (e.g. value tiers "by share" hides the thresholds).
 */
export function usedParameters(t: Template, mapped: ReadonlySet<string>, values: Readonly<Record<string, ParameterValue>>): Set<string> {
  const mapping = Object.fromEntries([...mapped].map((k) => [k, k]));
  const params: Record<string, ParameterValue> = Object.fromEntries(t.parameters.map((p) => [p.key, values[p.key] ?? p.default]));
  const used = new Set(t.parameters.filter((p) => p.type === 'select').map((p) => p.key));
  for (const o of t.outputs) {
    if (o.requires?.some((k) => !mapped.has(k))) continue;
    for (const ph of parseFormulaTemplate(chooseFormula(o, mapping, params)).placeholders) if (ph.kind === 'param') used.add(ph.key);
  }
  return used;
}

/** The template inputs that will be mapped "from transactions": those the customer summary provides. */
export function summaryInputs(t: Template, orderMapping: MappingState): Set<string> {
  const out = new Set<string>();
  for (const [input, summaryKey] of Object.entries(t.transactions?.mapping ?? {})) {
    if (summaryKey === 'channel' && !orderMapping.channel) continue;
    out.add(input);
  }
  return out;
}

export interface PreviewBar {
  key: string;
  value: string;
  count: number;
  /** Of every row counted (the groups and the unclassified rows). */
  share: number;
  color: string;
  unclassified?: true;
}

/**
 * A preview's bars: the output's groups, then the rows in none of them (blank, errors, other values) so the
 * counts add up to the rows of the table. `unclassifiedLabel` names that last bar.
 */
export function previewBars(
  counts: readonly { key: string; value: string; count: number }[],
  colorOf: (key: string) => string | undefined,
  rowCount: number,
  unclassifiedLabel: string,
): PreviewBar[] {
  const grouped = counts.reduce((s, g) => s + g.count, 0);
  const rest = Math.max(0, rowCount - grouped);
  const total = grouped + rest || 1;
  const bars: PreviewBar[] = counts.map((g) => ({ ...g, share: g.count / total, color: colorOf(g.key) ?? '#868e96' }));
  bars.push({ key: '', value: unclassifiedLabel, count: rest, share: rest / total, color: '#cbd5e1', unclassified: true });
  return bars;
}
