// Template endpoints (API.md "Templates"), through the app's client so language and errors work as elsewhere.
import type { Template } from '../../../templates';
import { getApi } from '../../api/client';
import type { Field, Language, Table, Workbook } from '../../api/types';

export interface ApplyTemplateResult {
  table: Table;
  fields: Field[];
  groups: Record<string, { key: string; value: string; count: number }[]>;
}

export interface ApplyTemplateBody {
  tableId: string;
  mapping: Record<string, string>;
  parameters?: Record<string, unknown>;
  dryRun?: boolean;
  onConflict?: 'ask' | 'rename';
}

const enc = encodeURIComponent;
export const templatesApi = {
  list: () => getApi().request<Template[]>('GET', '/templates'),
  get: (id: string) => getApi().request<Template>('GET', `/templates/${enc(id)}`),
  createWorkbook: (id: string, body: { language?: Language } = {}) =>
    getApi().request<Workbook>('POST', `/templates/${enc(id)}/workbooks`, { body }),
  apply: (id: string, body: ApplyTemplateBody) =>
    getApi().request<ApplyTemplateResult>('POST', `/templates/${enc(id)}/apply`, { body }),
};
