// Template endpoints (API.md "Templates"), through the app's client so language and errors work as elsewhere.
import type { GalleryThumbnails, Template } from '../../templates';
import { getApi } from '../api/client';
import type { Language, Workbook } from '../api/types';
import type { TemplateApplyResult } from '../../common';

/** The fields made, their group counts and the recommended charts over them (not yet on the dashboard). */
export type ApplyTemplateResult = TemplateApplyResult;

export interface ApplyTemplateBody {
  tableId: string;
  mapping: Record<string, string>;
  parameters?: Record<string, unknown>;
  dryRun?: boolean;
  onConflict?: 'ask' | 'rename';
  /** "From transactions": tableId is an orders table, mapping is {customer, date, amount, order?, channel?}. */
  source?: 'table' | 'transactions';
  /** Only orders for which this formula is TRUE count (from transactions). */
  rows?: string;
}

const enc = encodeURIComponent;
export const templatesApi = {
  list: () => getApi().request<Template[]>('GET', '/templates'),
  thumbnails: () => getApi().request<GalleryThumbnails>('GET', '/templates/thumbnails'),
  get: (id: string) => getApi().request<Template>('GET', `/templates/${enc(id)}`),
  createWorkbook: (id: string, body: { language?: Language } = {}) =>
    getApi().request<Workbook>('POST', `/templates/${enc(id)}/workbooks`, { body }),
  apply: (id: string, body: ApplyTemplateBody) =>
    getApi().request<ApplyTemplateResult>('POST', `/templates/${enc(id)}/apply`, { body }),
};
