import type { StaticType, Value } from './values';

/** A whole column handed to a function: `[Field]` or `Table[Field]`. */
export interface Column {
  /** Identity of the column for index caching, e.g. "tableId.fieldId". */
  readonly key: string;
  readonly type: StaticType;
  readonly values: readonly Value[];
}

/** Per-evaluation state shared by every row: built once, read by all rows. */
export interface EvalContext {
  /** TODAY() as an Excel serial number. */
  readonly asOf: number;
  /** Number of rows of the table being evaluated. */
  readonly rowCount: number;
  /**
   * Returns the value cached under `key`, building it on first use.
   * Column functions keep their sorted or hashed indexes here, so a whole column costs one build.
   */
  memo<T>(key: string, build: () => T): T;
}

export function createEvalContext(asOf: number, rowCount: number): EvalContext {
  const cache = new Map<string, unknown>();
  return {
    asOf,
    rowCount,
    memo<T>(key: string, build: () => T): T {
      if (cache.has(key)) return cache.get(key) as T;
      const built = build();
      cache.set(key, built);
      return built;
    },
  };
}
