// Pure logic of the template dialogs: the mapping of inputs to fields, parameter text ↔ values, the apply body.
import { suggestMapping, type FieldInfo, type Language, type Template, type TemplateParameter } from '../../../templates';
import type { Field } from '../../api/types';

/** inputKey → fieldId ('' when not mapped). */
export type MappingState = Record<string, string>;

function fieldInfo(f: Field): FieldInfo {
  return { name: f.name, type: f.type, ...(f.resultType ? { resultType: f.resultType } : {}) } as FieldInfo;
}

/** Pre-fills the mapping from templates' suggestMapping (names → ids), with the explanation of each missing input. */
export function initialMapping(t: Template, fields: readonly Field[], language: Language): { mapping: MappingState; messages: Record<string, string> } {
  const s = suggestMapping(t.inputs, fields.map(fieldInfo), language);
  const mapping: MappingState = {};
  const messages: Record<string, string> = {};
  for (const input of t.inputs) {
    const name = s.mapping[input.key];
    mapping[input.key] = (name !== undefined ? fields.find((f) => f.name === name)?.id : undefined) ?? '';
  }
  for (const m of s.missing) messages[m.key] = m.message;
  return { mapping, messages };
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
