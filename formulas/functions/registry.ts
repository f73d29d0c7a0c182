// The function library: every family's declarations in one immutable table, built once at import.
// Lookups are by upper-cased name, so function names are case-insensitive (FORMULAS.md).
import { conditionalFunctions } from './conditional';
import { dateFunctions } from './date';
import type { FunctionDef } from './define';
import { informationFunctions } from './information';
import { logicalFunctions } from './logical';
import { mathFunctions } from './math';
import { segmentationFunctions } from './segmentation';
import { statisticsFunctions } from './statistics';
import { textFunctions } from './text';

const ALL: readonly FunctionDef[] = Object.freeze([
  ...logicalFunctions,
  ...informationFunctions,
  ...mathFunctions,
  ...statisticsFunctions,
  ...textFunctions,
  ...dateFunctions,
  ...conditionalFunctions,
  ...segmentationFunctions,
]);

const BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(ALL.map((f) => [f.name, f]));

/** Case-insensitive lookup by name (the checker and compiler use this). */
export function lookupFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Every function, for autocomplete, help and the README list. */
export function allFunctions(): readonly FunctionDef[] {
  return ALL;
}
