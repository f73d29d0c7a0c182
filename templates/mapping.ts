// Suggesting which of a table's fields feeds each input of a template, from names, synonyms and types,
// and explaining the inputs left without a field.

import { pick, type Language } from './literals';
import { typeName } from './render';
import { TOTAL_WORDS, UNIT_PRICE_SYNONYMS } from './synonyms';

export interface FieldInfo {
  readonly name: string;
  /** The field's type as API.md's Field has it; formula fields give their resultType. */
  readonly type: 'text' | 'number' | 'date' | 'boolean' | 'select' | 'formula' | 'mixed';
  readonly resultType?: 'text' | 'number' | 'date' | 'boolean' | 'mixed';
}

export interface MappableInput {
  readonly key: string;
  readonly type: 'text' | 'number' | 'date' | 'boolean';
  readonly name: { readonly zh: string; readonly en: string };
  readonly synonyms: readonly string[];
  readonly required: boolean;
  /** A sum of money: fields named like a unit price are not suggested for it (looksLikeUnitPrice). */
  readonly moneyTotal?: boolean;
}

export interface InputSuggestion {
  readonly key: string;
  readonly required: boolean;
  /** The suggested field's name, or null. */
  readonly field: string | null;
  /** 0–100: how sure the suggestion is (100: the name is a synonym). */
  readonly score: number;
  /** Other fields that could fit, best first (for the drop-down). */
  readonly candidates: readonly { field: string; score: number }[];
  /** Why nothing was suggested (in the requested language); absent when a field was suggested. */
  readonly message?: string;
}

export interface MappingSuggestion {
  /** inputKey → field name, for the inputs a field was found for. */
  readonly mapping: Record<string, string>;
  readonly inputs: readonly InputSuggestion[];
  /** The inputs without a field, each with its explanation (required ones block applying). */
  readonly missing: readonly { key: string; required: boolean; message: string }[];
}

/** Case, width, spaces and punctuation do not matter when comparing names. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./\\()（）:：·,，、'"“”‘’#＃]+/g, '');
}

const UNIT_PRICE_WORDS = UNIT_PRICE_SYNONYMS.map(normalizeName);
const TOTAL_NAME_WORDS = TOTAL_WORDS.map(normalizeName);

/**
 * The one rule for "this field is the price of one unit, not an amount": its name holds a price word (单价, 价格,
 * price, unit cost…) and no total word ("Total price" and 总价 are sums). By name only: a unit price and a line
 * amount are both positive decimals, and only a product code would show a price staying put as the quantity
 * changes.
 */
export function looksLikeUnitPrice(name: string): boolean {
  const n = normalizeName(name);
  return UNIT_PRICE_WORDS.some((w) => n.includes(w)) && !TOTAL_NAME_WORDS.some((w) => n.includes(w));
}

/** The type a field's values have: a formula's result type, a select's text. */
export function effectiveType(field: FieldInfo): string {
  if (field.type === 'formula') return field.resultType ?? 'mixed';
  if (field.type === 'select') return 'text';
  return field.type;
}

/** 1 when the field's type fits the input, a penalty factor when it may, 0 when it does not. */
function typeFit(input: MappableInput['type'], field: string): number {
  if (input === field) return 1;
  if (field === 'mixed') return 0.8;
  if (input === 'text' && field === 'number') return 0.9; // ids and codes
  return 0;
}

function nameScore(input: MappableInput, field: string): number {
  const f = normalizeName(field);
  if (f === '') return 0;
  const words = [input.key, input.name.zh, input.name.en, ...input.synonyms].map(normalizeName).filter((w) => w !== '');
  if (words.includes(f)) return 100;
  let best = 0;
  for (const w of words) {
    if (w.length < 2 || f.length < 2) continue;
    if (f.includes(w) || w.includes(f)) {
      const ratio = Math.min(w.length, f.length) / Math.max(w.length, f.length);
      best = Math.max(best, Math.round(50 + 40 * ratio));
    }
  }
  return best;
}

/** Suggests one distinct field for each input: best-scoring pairs first. */
export function suggestMapping(
  inputs: readonly MappableInput[],
  fields: readonly FieldInfo[],
  language: Language,
): MappingSuggestion {
  const pairs: { input: number; field: number; score: number }[] = [];
  const wrongType = new Map<number, FieldInfo>();
  inputs.forEach((input, i) => {
    fields.forEach((field, j) => {
      if (input.moneyTotal && looksLikeUnitPrice(field.name)) return;
      const score = nameScore(input, field.name);
      if (score === 0) return;
      const fit = typeFit(input.type, effectiveType(field));
      if (fit === 0) {
        if (!wrongType.has(i)) wrongType.set(i, field);
        return;
      }
      pairs.push({ input: i, field: j, score: Math.round(score * fit) });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.input - b.input || a.field - b.field);
  const chosen = new Map<number, { field: number; score: number }>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (chosen.has(p.input) || used.has(p.field)) continue;
    chosen.set(p.input, { field: p.field, score: p.score });
    used.add(p.field);
  }

  const mapping: Record<string, string> = {};
  const suggestions: InputSuggestion[] = [];
  const missing: { key: string; required: boolean; message: string }[] = [];
  inputs.forEach((input, i) => {
    const candidates = pairs
      .filter((p) => p.input === i)
      .map((p) => ({ field: fields[p.field]?.name ?? '', score: p.score }));
    const typed = fields.filter((f) => typeFit(input.type, effectiveType(f)) > 0 && !candidates.some((c) => c.field === f.name));
    const allCandidates = [...candidates, ...typed.map((f) => ({ field: f.name, score: 0 }))];
    const pickField = chosen.get(i);
    const field = pickField ? (fields[pickField.field]?.name ?? null) : null;
    if (field !== null) {
      mapping[input.key] = field;
      suggestions.push({ key: input.key, required: input.required, field, score: pickField?.score ?? 0, candidates: allCandidates });
      return;
    }
    const unitPrice = input.moneyTotal ? fields.find((f) => effectiveType(f) === 'number' && looksLikeUnitPrice(f.name)) : undefined;
    const message = unitPrice ? unitPriceMissing(input, unitPrice.name, language) : explainMissing(input, wrongType.get(i), typed.length > 0, language);
    suggestions.push({ key: input.key, required: input.required, field: null, score: 0, candidates: allCandidates, message });
    missing.push({ key: input.key, required: input.required, message });
  });
  return { mapping, inputs: suggestions, missing };
}

function explainMissing(input: MappableInput, wrong: FieldInfo | undefined, anyTyped: boolean, language: Language): string {
  const name = pick(input.name, language);
  const type = typeName(input.type, language);
  const examples = input.synonyms.filter((s) => (language === 'en' ? /^[\x20-\x7e]+$/.test(s) : !/^[\x20-\x7e]+$/.test(s))).slice(0, 3);
  const optional = input.required ? '' : language === 'en' ? ' It is optional: without it, the outputs that need it are not made.' : '该输入可选：不映射时，依赖它的输出不会创建。';
  if (wrong) {
    const has = typeName(effectiveType(wrong), language);
    return language === 'en'
      ? `The field "${wrong.name}" looks like "${name}" but holds ${has}, and "${name}" needs ${type}: change the field's type or pick another field.${optional}`
      : `字段“${wrong.name}”看起来是“${name}”，但它是${has}类型，“${name}”需要${type}类型：请修改该字段的类型，或选择其他字段。${optional}`;
  }
  const list = examples.map((e) => (language === 'en' ? `"${e}"` : `“${e}”`)).join(language === 'en' ? ', ' : '、');
  const choose = anyTyped
    ? language === 'en' ? 'choose it from the list' : '请从列表中手动选择'
    : language === 'en' ? `the table has no ${type} field yet` : `表中还没有${type}类型的字段`;
  return language === 'en'
    ? `No field named like "${name}" (${type}, e.g. ${list}) was found: ${choose}.${optional}`
    : `没有找到与“${name}”对应的字段（${type}，例如${list}）：${choose}。${optional}`;
}

/** A money input left without a field because the only candidate is a unit price. */
function unitPriceMissing(input: MappableInput, field: string, language: Language): string {
  const name = pick(input.name, language);
  return language === 'en'
    ? `No field holds "${name}": "${field}" looks like the price of one unit, not what was paid. Choose the field with the amount, or add one as quantity × unit price.`
    : `没有找到“${name}”字段：“${field}”看起来是单价，不是实付金额。请选择保存金额的字段，或添加一个“数量 × 单价”的字段。`;
}

/** A warning (not a refusal) when the field chosen for a money input looks like a unit price; undefined when it does not. */
export function unitPriceWarning(input: MappableInput, field: string, language: Language): string | undefined {
  if (!input.moneyTotal || !looksLikeUnitPrice(field)) return undefined;
  const name = pick(input.name, language);
  return language === 'en'
    ? `"${field}" looks like the price of one unit, not the amount paid: its sums are not what customers spent. Map "${name}" to the amount (quantity × unit price).`
    : `“${field}”看起来是单价，不是实付金额：按它汇总得到的不是客户的消费额。请把“${name}”映射到金额（数量 × 单价）。`;
}
