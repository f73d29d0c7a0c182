// What the gallery and the apply dialog show of a template, in one language; and output names that avoid the
// names a table already uses (API: 409 TEMPLATE_FIELD_EXISTS, or onConflict "rename").

import { pick, type Language } from './literals';
import type { Template } from './schema';

export interface LocalizedTemplate {
  readonly id: string;
  readonly category: Template['category'];
  readonly name: string;
  readonly description: string;
  readonly usage: string;
  readonly inputs: readonly { key: string; type: string; name: string; required: boolean; description?: string }[];
  readonly parameters: readonly {
    key: string;
    type: string;
    name: string;
    description?: string;
    default: number | string | boolean;
    unit?: string;
    options?: readonly { value: string; name: string }[];
  }[];
  readonly outputs: readonly {
    key: string;
    name: string;
    groups: readonly { key: string; value: string; description: string; action: string; color: string }[];
  }[];
  readonly charts: readonly { key: string; kind: string; title: string; x: string; y?: string }[];
  readonly fromTransactions: boolean;
}

export function localizeTemplate(t: Template, language: Language): LocalizedTemplate {
  return {
    id: t.id,
    category: t.category,
    name: pick(t.name, language),
    description: pick(t.description, language),
    usage: pick(t.usage, language),
    inputs: t.inputs.map((i) => ({
      key: i.key,
      type: i.type,
      name: pick(i.name, language),
      required: i.required,
      ...(i.description ? { description: pick(i.description, language) } : {}),
    })),
    parameters: t.parameters.map((p) => ({
      key: p.key,
      type: p.type,
      name: pick(p.name, language),
      default: p.default,
      ...(p.description ? { description: pick(p.description, language) } : {}),
      ...(p.type === 'number' && p.unit ? { unit: p.unit } : {}),
      ...(p.type === 'select' ? { options: p.options.map((o) => ({ value: o.value, name: pick(o.name, language) })) } : {}),
    })),
    outputs: t.outputs.map((o) => ({
      key: o.key,
      name: pick(o.name, language),
      groups: (o.groups ?? []).map((g) => ({
        key: g.key,
        value: pick(g.value, language),
        description: pick(g.description, language),
        action: pick(g.action, language),
        color: g.color,
      })),
    })),
    charts: t.charts.map((c) => ({ key: c.key, kind: c.kind, title: pick(c.title, language), x: c.x, ...(c.y ? { y: c.y } : {}) })),
    fromTransactions: t.transactions !== undefined,
  };
}

/**
 * The names the outputs would take in `language`, which of them a table already uses (compared ignoring case
 * and surrounding spaces, as field names are), and free names to use instead ("价值分层 2", "Value tier 3").
 */
export function outputNameConflicts(
  t: Template,
  language: Language,
  taken: readonly string[],
): { conflicts: string[]; renamed: Record<string, string> } {
  const norm = (s: string) => s.trim().toLowerCase();
  const used = new Set(taken.map(norm));
  const conflicts: string[] = [];
  const renamed: Record<string, string> = {};
  for (const o of t.outputs) {
    const name = pick(o.name, language);
    let candidate = name;
    if (used.has(norm(name))) {
      conflicts.push(o.key);
      for (let n = 2; used.has(norm(candidate)); n++) candidate = `${name} ${n}`;
    }
    used.add(norm(candidate));
    renamed[o.key] = candidate;
  }
  return { conflicts, renamed };
}
