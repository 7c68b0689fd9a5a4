import type { HttpRequest } from '@azure/functions';
import type { ListWindow } from '../portal/list-service';
import { csvFilename, toCsv } from './csv';
import { csvColumns } from './csv-columns';
import type { EndpointResult } from './endpoint';
import type { Operation } from './operations';

/** Most rows one CSV export returns; beyond it the caller narrows the date range. */
export const csvRowLimit = 10_000;

interface PageQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly format?: 'json' | 'csv' | undefined;
}

/** CSV when asked by `format=csv`, or by `Accept: text/csv` unless `format=json` overrides it. */
export function wantsCsv(request: HttpRequest, query: PageQuery): boolean {
  if (query.format !== undefined) return query.format === 'csv';
  return /\btext\/csv\b/i.test(request.headers.get('accept') ?? '');
}

/** Rows to read: the requested page, or every row of a CSV export (refused beyond the limit). */
export const listWindow = (query: PageQuery, csv: boolean): ListWindow =>
  csv
    ? { offset: 0, fetch: csvRowLimit, exportLimit: csvRowLimit }
    : { offset: (query.page - 1) * query.pageSize, fetch: query.pageSize };

/** The list answer: `data.<items>` plus pagination, or the whole result as a CSV attachment. */
export function listResult(
  operation: Operation,
  query: PageQuery,
  page: { readonly items: readonly object[]; readonly total: number },
  csv: boolean,
  custNo: string,
): EndpointResult {
  const key = operation.listKey ?? 'items';
  if (!csv) {
    return { kind: 'data', data: { [key]: page.items, pagination: { page: query.page, pageSize: query.pageSize, total: page.total } } };
  }
  const columns = operation.item ? csvColumns(operation.item) : [];
  const rows = (page.items as Record<string, unknown>[]).map((item) => Object.fromEntries(columns.map((c) => [c.name, c.value(item)])));
  return { kind: 'csv', filename: csvFilename(`${key}-${custNo}`), body: toCsv(columns.map((c) => c.name), rows) };
}
