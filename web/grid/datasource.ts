import type { FilterModel, IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { Filter, RowsPage } from '../api/types';
import { filterModelToFilter, sortModelToParam } from './sort-filter';

export interface PageQuery {
  offset: number;
  limit: number;
  sort?: string;
  filter: Filter | null;
}

export interface DatasourceHooks {
  fetchPage: (q: PageQuery) => Promise<RowsPage>;
  onTotal?: (total: number, q: PageQuery) => void;
  onError?: (e: unknown) => void;
}

/** The query of one block the infinite row model asks for. */
export function pageQuery(startRow: number, endRow: number, sortModel: SortModelItem[], filterModel: FilterModel | null): PageQuery {
  return {
    offset: startRow,
    limit: Math.max(1, endRow - startRow),
    sort: sortModelToParam(sortModel),
    filter: filterModelToFilter(filterModel),
  };
}

/** An AG Grid infinite-row-model datasource over GET /api/tables/:id/rows. */
export function createRowsDatasource(hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const q = pageQuery(params.startRow, params.endRow, params.sortModel, params.filterModel as FilterModel | null);
      hooks
        .fetchPage(q)
        .then((page) => {
          hooks.onTotal?.(page.total, q);
          params.successCallback(page.rows, page.total);
        })
        .catch((e: unknown) => {
          hooks.onError?.(e);
          params.failCallback();
        });
    },
  };
}
