// Empty and error states in the user's language: what happened and what to do.
import type { ChartContext, ChartState } from './theme';

/** A failed chart data request (see fetch-chart-data.ts). */
export interface ChartDataError {
  /** HTTP status; 0 when the server could not be reached or answered something unreadable. */
  status: number;
  /** The API's error code (shared/API.md), or NETWORK / BAD_RESPONSE. */
  code: string;
  /** The server's message, already in the request's language. */
  message: string;
}

/** rows: the table has none; filtered: none passes the chart's filter; groups/numbers: the field is empty. */
export type EmptyReason = 'rows' | 'filtered' | 'groups' | 'numbers';

export function emptyState(ctx: ChartContext, reason: EmptyReason, fieldName = ''): ChartState {
  const hint =
    reason === 'numbers' && fieldName ? ctx.t('emptyNumericHint', { field: fieldName })
    : reason === 'groups' && fieldName ? ctx.t('emptyGroupsHint', { field: fieldName })
    : reason === 'filtered' ? ctx.t('emptyFilterHint')
    : reason === 'rows' ? ctx.t('emptyTableHint')
    : ctx.t('emptyHint');
  return { kind: 'empty', title: ctx.t('emptyTitle'), hint };
}

export function errorState(ctx: ChartContext, error: ChartDataError): ChartState {
  const hint =
    error.code === 'NETWORK' ? ctx.t('errorNetwork')
    : error.code === 'NOT_FOUND' || error.code === 'FIELD_NOT_FOUND' || error.code === 'TABLE_NOT_FOUND' ? ctx.t('errorNotFound')
    : error.status >= 500 || error.code === 'INTERNAL' ? ctx.t('errorServer', { message: error.message.trim() || String(error.status) })
    : ctx.t('errorHint', { message: error.message.trim() });
  return { kind: 'error', title: ctx.t('errorTitle'), hint };
}
