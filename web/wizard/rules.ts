// The grouping wizard's methods as data, and the formula each one writes (first matching rule wins).

export type WizardMethod = 'thresholds' | 'quantiles' | 'abc' | 'mapping' | 'stages';

export interface ThresholdRule { label: string; min: number }
export interface TierRule { label: string; pct: number }
export interface MappingRule { label: string; values: string[] }
export interface StageRule { label: string; maxDays: number }

export type WizardSpec =
  | { method: 'thresholds'; field: string; rules: ThresholdRule[]; elseLabel: string }
  | { method: 'quantiles'; field: string; tiers: TierRule[]; elseLabel: string }
  | { method: 'abc'; field: string; a: number; b: number; labels: [string, string, string] }
  | { method: 'mapping'; field: string; rules: MappingRule[]; elseLabel: string; boolean?: boolean }
  | { method: 'stages'; field: string; rules: StageRule[]; elseLabel: string };

/** A text literal of the formula language ("" doubles a quote). */
export function text(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A number as the formula language reads it, without float noise (0.30000000000000004 → 0.3). */
export function num(n: number): string {
  // A number still to be filled in reads "?" (creating is blocked until it is).
  return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : '?';
}

function ifs(pairs: [string, string][], elseLabel: string): string {
  const parts = pairs.map(([cond, label]) => `${cond},${text(label)}`);
  if (elseLabel.trim() !== '') parts.push(`TRUE,${text(elseLabel)}`);
  return `IFS(${parts.join(',')})`;
}

/** Blank inputs stay blank (the row is "unclassified") instead of counting as 0. */
function blankSafe(field: string, body: string): string {
  return `IF(ISBLANK({${field}}),{${field}},${body})`;
}

export function buildFormula(spec: WizardSpec): string {
  const ref = `{${spec.field}}`;
  const col = `[${spec.field}]`;
  switch (spec.method) {
    case 'thresholds':
      return blankSafe(spec.field, ifs(spec.rules.map((r) => [`${ref}>=${num(r.min)}`, r.label]), spec.elseLabel));
    case 'quantiles': {
      let cum = 0;
      const pairs = spec.tiers.map((t): [string, string] => {
        cum += t.pct;
        return [`RANK(${ref},${col})<=${num(cum)}*COUNT(${col})`, t.label];
      });
      return blankSafe(spec.field, ifs(pairs, spec.elseLabel));
    }
    case 'abc':
      return blankSafe(
        spec.field,
        ifs([[`PARETO(${col},${ref})<=${num(spec.a)}`, spec.labels[0]], [`PARETO(${col},${ref})<=${num(spec.b)}`, spec.labels[1]]], spec.labels[2]),
      );
    case 'mapping': {
      // A yes/no field's categories read "true"/"false": compare with TRUE/FALSE, not with that text.
      const lit = (v: string) => (spec.boolean ? (v === 'true' ? 'TRUE' : 'FALSE') : text(v));
      return blankSafe(
        spec.field,
        ifs(
          spec.rules.filter((r) => r.values.length > 0).map((r) => [r.values.length === 1 ? `${ref}=${lit(r.values[0] ?? '')}` : `OR(${r.values.map((v) => `${ref}=${lit(v)}`).join(',')})`, r.label]),
          spec.elseLabel,
        ),
      );
    }
    case 'stages':
      return blankSafe(spec.field, ifs(spec.rules.map((r) => [`TODAY()-${ref}<=${num(r.maxDays)}`, r.label]), spec.elseLabel));
  }
}

/** The groups the formula gives, in order (the grouping order of the new column). */
export function labelsOf(spec: WizardSpec): string[] {
  const list = (() => {
    switch (spec.method) {
      case 'thresholds': return [...spec.rules.map((r) => r.label), spec.elseLabel];
      case 'quantiles': return [...spec.tiers.map((t) => t.label), spec.elseLabel];
      case 'abc': return [...spec.labels];
      case 'mapping': return [...spec.rules.map((r) => r.label), spec.elseLabel];
      case 'stages': return [...spec.rules.map((r) => r.label), spec.elseLabel];
    }
  })();
  return [...new Set(list.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** A number input left empty or not a number: which rule (or ABC's 'a' / 'b' share) it is. */
export type InputError = { rule: number } | { abc: 'a' | 'b' };

/** Number inputs that are not numbers. The formula must not read them as 0 (everything would land in one group). */
export function inputErrorsOf(spec: WizardSpec): InputError[] {
  const bad = (ns: number[]): InputError[] => ns.flatMap((n, rule) => (Number.isFinite(n) ? [] : [{ rule }]));
  switch (spec.method) {
    case 'thresholds': return bad(spec.rules.map((r) => r.min));
    case 'quantiles': return bad(spec.tiers.map((t) => t.pct));
    case 'stages': return bad(spec.rules.map((r) => r.maxDays));
    case 'abc': return (['a', 'b'] as const).filter((k) => !Number.isFinite(spec[k])).map((abc) => ({ abc }));
    case 'mapping': return [];
  }
}

/**
 * Which group a value of the source falls in, by the chart's cut values: the first rule it meets wins, as in the
 * formula. Number methods cut from the top (value ≥ cut), stages by days since (days ≤ limit). '' = no group.
 */
export function groupAt(value: number, cuts: readonly { value: number; label: string }[], elseLabel: string, daysUpTo = false): string {
  const hit = cuts.find((c) => Number.isFinite(c.value) && (daysUpTo ? value <= c.value : value >= c.value));
  return (hit ? hit.label : elseLabel).trim();
}

export type Warning =
  | { kind: 'shadowed'; rule: number; by: number }
  | { kind: 'emptyLabel'; rule: number }
  | { kind: 'gapBelow'; value: number }
  | { kind: 'gapAbove'; days: number }
  | { kind: 'overlapValue'; value: string; rules: number[] }
  | { kind: 'unmapped'; values: string[] }
  | { kind: 'overHundred'; total: number }
  | { kind: 'abcOrder' };

/** Gaps and overlaps the user should know about (rules that can never match, values left out). */
export function warningsOf(spec: WizardSpec, categories: readonly string[] = []): Warning[] {
  const w: Warning[] = [];
  const emptyLabels = (labels: string[]) => labels.forEach((l, i) => { if (l.trim() === '') w.push({ kind: 'emptyLabel', rule: i }); });
  switch (spec.method) {
    case 'thresholds': {
      emptyLabels(spec.rules.map((r) => r.label));
      spec.rules.forEach((r, i) => {
        const by = spec.rules.findIndex((p, j) => j < i && p.min <= r.min);
        if (by >= 0) w.push({ kind: 'shadowed', rule: i, by });
      });
      const last = Math.min(...spec.rules.map((r) => r.min));
      if (spec.elseLabel.trim() === '' && Number.isFinite(last)) w.push({ kind: 'gapBelow', value: last });
      break;
    }
    case 'quantiles': {
      emptyLabels(spec.tiers.map((t) => t.label));
      const total = spec.tiers.reduce((s, t) => s + t.pct, 0);
      if (total > 1 + 1e-9) w.push({ kind: 'overHundred', total });
      break;
    }
    case 'abc':
      if (!(spec.a > 0 && spec.a < spec.b && spec.b <= 1)) w.push({ kind: 'abcOrder' });
      break;
    case 'mapping': {
      emptyLabels(spec.rules.map((r) => r.label));
      const seen = new Map<string, number[]>();
      spec.rules.forEach((r, i) => r.values.forEach((v) => seen.set(v, [...(seen.get(v) ?? []), i])));
      for (const [value, rules] of seen) if (rules.length > 1) w.push({ kind: 'overlapValue', value, rules });
      const unmapped = categories.filter((c) => !seen.has(c));
      if (unmapped.length && spec.elseLabel.trim() === '') w.push({ kind: 'unmapped', values: unmapped });
      break;
    }
    case 'stages': {
      emptyLabels(spec.rules.map((r) => r.label));
      spec.rules.forEach((r, i) => {
        const by = spec.rules.findIndex((p, j) => j < i && p.maxDays >= r.maxDays);
        if (by >= 0) w.push({ kind: 'shadowed', rule: i, by });
      });
      const last = Math.max(...spec.rules.map((r) => r.maxDays));
      if (spec.elseLabel.trim() === '' && Number.isFinite(last)) w.push({ kind: 'gapAbove', days: last });
      break;
    }
  }
  return w;
}
