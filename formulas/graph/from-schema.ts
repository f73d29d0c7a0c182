import { schemaFormulas } from '../types/cycles';
import { registryLibrary, type FunctionLibrary } from '../types/library';
import type { FormulaSchema } from '../types/schema';
import { createDependencyGraph, type DependencyGraph } from './graph';

/** The graph of every formula field of a schema (their `formula` in stored form). */
export function graphFromSchema(schema: FormulaSchema, options: { readonly functions?: FunctionLibrary } = {}): DependencyGraph {
  return createDependencyGraph(schemaFormulas(schema, options.functions ?? registryLibrary));
}
