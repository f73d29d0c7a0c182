// The dependency graph of a workbook's formula fields. Cycles are reported as paths, never thrown
// (HyperFormula's TopSort does the same), so the server can refuse a save with the path in the message.

export interface FieldKey {
  readonly tableId: string;
  readonly fieldId: string;
}

/** row: the dependent's value at row r depends only on row r of the field; column: on the whole column. */
export type DependencyMode = 'row' | 'column';

export interface FieldRef extends FieldKey {
  readonly mode: DependencyMode;
}

export interface GraphFormula extends FieldKey {
  readonly references: readonly FieldRef[];
  readonly usesToday?: boolean;
}

export interface Dependent {
  readonly field: FieldKey;
  readonly mode: DependencyMode;
}

export interface Affected {
  /** Recompute only the rows that changed. */
  readonly rowLocal: FieldKey[];
  /** Recompute every row. */
  readonly columnWide: FieldKey[];
  /** Both, dependencies first. */
  readonly order: FieldKey[];
}

export interface DependencyGraph {
  directDependents(field: FieldKey): Dependent[];
  affected(changed: readonly FieldKey[], options?: { readonly today?: boolean }): Affected;
  order(): FieldKey[];
  cycles(): FieldKey[][];
  /** A cycle through `field` as a path starting and ending at it, if any. */
  cycleThrough(field: FieldKey): FieldKey[] | undefined;
}

/** Keys join ids with a character ids never hold, so "a.b"+"c" and "a"+"b.c" stay apart. */
export function fieldKey(field: FieldKey): string {
  return `${field.tableId}\u0000${field.fieldId}`;
}

export function createDependencyGraph(formulas: readonly GraphFormula[]): DependencyGraph {
  const keys = new Map<string, FieldKey>();
  const formulaOf = new Map<string, GraphFormula>();
  const dependents = new Map<string, Map<string, DependencyMode>>();
  const remember = (field: FieldKey): string => {
    const key = fieldKey(field);
    if (!keys.has(key)) keys.set(key, { tableId: field.tableId, fieldId: field.fieldId });
    return key;
  };
  for (const formula of formulas) {
    const to = remember(formula);
    formulaOf.set(to, formula);
    for (const ref of formula.references) {
      const from = remember(ref);
      const edges = dependents.get(from) ?? new Map<string, DependencyMode>();
      // Two references to one field (`{A}` and `[A]`): the whole column wins.
      if (edges.get(to) !== 'column') edges.set(to, ref.mode);
      dependents.set(from, edges);
    }
  }

  const { order: topo, cyclic } = topologicalOrder([...formulaOf.keys()], (key) =>
    (formulaOf.get(key)?.references ?? []).map(fieldKey).filter((dep) => formulaOf.has(dep)),
  );
  const toField = (key: string): FieldKey => keys.get(key) as FieldKey;

  const cycleFrom = (start: string): string[] | undefined => {
    // Depth-first search over dependents with an explicit stack: long chains must not overflow.
    const parent = new Map<string, string>();
    const stack = [start];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const current = stack.pop() as string;
      for (const next of dependents.get(current)?.keys() ?? []) {
        if (next === start) {
          const path = [start];
          for (let at: string | undefined = current; at !== undefined && at !== start; at = parent.get(at)) path.push(at);
          path.push(start);
          // Each field in the path depends on the next one: "A → B → A" reads "A uses B, B uses A".
          return path;
        }
        if (!seen.has(next)) {
          seen.add(next);
          parent.set(next, current);
          stack.push(next);
        }
      }
    }
    return undefined;
  };

  return {
    directDependents(field) {
      return [...(dependents.get(fieldKey(field)) ?? new Map<string, DependencyMode>())].map(([key, mode]) => ({
        field: toField(key),
        mode,
      }));
    },
    affected(changed, options = {}) {
      // Walk dependents in topological order: a field is column-wide as soon as one path into it is.
      const level = new Map<string, DependencyMode>();
      const raise = (key: string, mode: DependencyMode): void => {
        if (level.get(key) !== 'column') level.set(key, mode);
      };
      const changedKeys = new Set(changed.map(fieldKey));
      if (options.today === true) {
        for (const [key, formula] of formulaOf) if (formula.usesToday === true) raise(key, 'column');
      }
      for (const key of changedKeys) {
        for (const [dep, mode] of dependents.get(key) ?? []) raise(dep, mode);
      }
      for (const key of topo) {
        const mode = level.get(key);
        if (mode === undefined) continue;
        for (const [dep, edge] of dependents.get(key) ?? []) raise(dep, mode === 'column' ? 'column' : edge);
      }
      const order = topo.filter((key) => level.has(key));
      return {
        rowLocal: order.filter((key) => level.get(key) === 'row').map(toField),
        columnWide: order.filter((key) => level.get(key) === 'column').map(toField),
        order: order.map(toField),
      };
    },
    order() {
      return topo.map(toField);
    },
    cycles() {
      const found: FieldKey[][] = [];
      const covered = new Set<string>();
      for (const key of cyclic) {
        if (covered.has(key)) continue;
        const path = cycleFrom(key);
        if (path === undefined) continue; // depends on a cycle without being on one
        path.forEach((k) => covered.add(k));
        found.push(path.map(toField));
      }
      return found;
    },
    cycleThrough(field) {
      return cycleFrom(fieldKey(field))?.map(toField);
    },
  };
}

/**
 * Kahn's algorithm. `dependenciesOf` lists the nodes a node needs first. Nodes on a cycle, or depending on
 * one, are returned in `cyclic` instead of the order.
 */
export function topologicalOrder(
  nodes: readonly string[],
  dependenciesOf: (node: string) => readonly string[],
): { order: string[]; cyclic: string[] } {
  const pending = new Map<string, number>();
  const users = new Map<string, string[]>();
  for (const node of nodes) {
    const deps = [...new Set(dependenciesOf(node))];
    pending.set(node, deps.length);
    for (const dep of deps) {
      const list = users.get(dep);
      if (list === undefined) users.set(dep, [node]);
      else list.push(node);
    }
  }
  const ready = nodes.filter((node) => pending.get(node) === 0);
  const order: string[] = [];
  for (let next = 0; next < ready.length; next++) {
    const node = ready[next] as string;
    order.push(node);
    for (const user of users.get(node) ?? []) {
      const left = (pending.get(user) as number) - 1;
      pending.set(user, left);
      if (left === 0) ready.push(user);
    }
  }
  const done = new Set(order);
  return { order, cyclic: nodes.filter((node) => !done.has(node)) };
}
