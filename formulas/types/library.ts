// Where the checker and compiler find functions. Passed in (default: the registry) rather than held in a
// global, so tests can bring their own functions and nothing is mutable process-wide.

import type { FunctionDef, ParamSpec } from '../functions/define';
import { allFunctions, lookupFunction } from '../functions/registry';

export interface FunctionLibrary {
  lookup(name: string): FunctionDef | undefined;
  all(): readonly FunctionDef[];
}

export const registryLibrary: FunctionLibrary = { lookup: lookupFunction, all: allFunctions };

/** A library over a fixed list (tests, tools). */
export function libraryOf(defs: readonly FunctionDef[]): FunctionLibrary {
  const byName = new Map(defs.map((def) => [def.name.toUpperCase(), def] as const));
  return { lookup: (name) => byName.get(name.toUpperCase()), all: () => defs };
}

/** The parameter that argument `index` fills; params from the first `repeats` one on cycle as a group. */
export function paramAt(def: FunctionDef, index: number): ParamSpec | undefined {
  const params = def.params;
  if (index < params.length) return params[index];
  const first = params.findIndex((p) => p.repeats === true);
  if (first < 0) return params[params.length - 1];
  const group = params.length - first;
  return params[first + ((index - first) % group)];
}

/**
 * Whether `count` arguments fill whole repeat groups (SUMIFS criteria pairs, IFS pairs). Only checked when
 * no parameter of the group is optional: with an optional tail (SWITCH's default) any count may be right.
 */
export function completesGroups(def: FunctionDef, count: number): boolean {
  const first = def.params.findIndex((p) => p.repeats === true);
  if (first < 0 || count <= first) return true;
  const group = def.params.slice(first);
  if (group.some((p) => p.optional === true)) return true;
  return (count - first) % group.length === 0;
}

/** "2", "2 to 3", "at least 1" style description of an arity, in both languages. */
export function arityText(def: FunctionDef): { zh: string; en: string } {
  if (def.minArgs === def.maxArgs) return { zh: String(def.minArgs), en: String(def.minArgs) };
  if (def.maxArgs === Infinity) return { zh: `至少 ${def.minArgs}`, en: `at least ${def.minArgs}` };
  return { zh: `${def.minArgs} 到 ${def.maxArgs}`, en: `${def.minArgs} to ${def.maxArgs}` };
}
