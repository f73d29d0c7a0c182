// Schemes whose formulas use TODAY() (lifecycle, RFM, relationship, CLV) measure from the workbook's as-of date.
// On a historical order log with the as-of date left at today every last purchase is long ago (lifecycle puts
// every customer in 流失): when the newest purchase is far before the as-of date, say so and offer the day after it.

import { isoFromSerial, serialFromIso, tokenize } from '../formulas';
import type { ParameterValue, Template } from './schema';

/** With no day-count parameter (RFM), a year without a single purchase from anyone: the data are historical. */
export const DEFAULT_STALE_DAYS = 365;

export interface AsOfHint {
  /** The as-of date TODAY() used (the workbook's, or today). */
  readonly asOf: string;
  /** The newest date among the mapped date inputs (the last purchase). */
  readonly newest: string;
  /** asOf − newest, in days. */
  readonly days: number;
  /** How many days counted as "far". */
  readonly staleAfterDays: number;
  /** The day after the newest purchase: as if the data were taken then. */
  readonly suggested: string;
}

/** Whether any formula of the template (or of a variant) calls TODAY(). */
export function usesToday(t: Template): boolean {
  return t.outputs.some((o) =>
    [o.formula, ...(o.variants ?? []).map((v) => v.formula)].some((formula) => {
      const tokens = tokenize(formula);
      return tokens.some((tok, i) => tok.kind === 'name' && tok.value.toUpperCase() === 'TODAY' && tokens[i + 1]?.kind === 'lparen');
    }),
  );
}

/** The inputs whose values are dates (last and first purchase): their newest value is the newest purchase. */
export function dateInputs(t: Template): string[] {
  return t.inputs.filter((i) => i.type === 'date').map((i) => i.key);
}

/**
 * How many days before the as-of date the newest purchase may be: the scheme's largest day-count parameter
 * (lifecycle's lost_days: beyond it every customer is lost; relationship's active_days: every one silent),
 * else DEFAULT_STALE_DAYS.
 */
export function staleAfterDays(t: Template, parameters: Readonly<Record<string, ParameterValue>>): number {
  let most: number | undefined;
  for (const p of t.parameters) {
    if (p.type !== 'number' || p.unit !== 'days') continue;
    const v = parameters[p.key];
    const days = typeof v === 'number' ? v : p.default;
    most = most === undefined ? days : Math.max(most, days);
  }
  return most ?? DEFAULT_STALE_DAYS;
}

/** The hint, or null: the scheme does not use TODAY(), there is no date, or the newest is recent enough. */
export function asOfHint(
  t: Template,
  parameters: Readonly<Record<string, ParameterValue>>,
  newest: string | null,
  asOf: string,
): AsOfHint | null {
  if (newest === null || !usesToday(t)) return null;
  const from = serialFromIso(newest);
  const to = serialFromIso(asOf);
  if (from === undefined || to === undefined) return null;
  const limit = staleAfterDays(t, parameters);
  const days = to - from;
  if (days <= limit) return null;
  return { asOf, newest, days, staleAfterDays: limit, suggested: isoFromSerial(from + 1) };
}
