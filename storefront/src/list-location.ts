import type { ListFilters } from './render-filters';
import type { FilterKey, TabKey } from './tab-definitions';

/** What a list shows: its filters and page. */
export interface ListState {
  readonly filters: ListFilters;
  readonly page: number;
}

/**
 * `#orders?status=O&from=2025-01-01&page=2`: a list's state in the URL's hash, so a reload or a
 * bookmark shows the same rows. The hash, not the query: the theme's page URL is BigCommerce's, and
 * a hash never reaches its server.
 */
export function listHash(tab: TabKey, state: ListState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return `#${tab}${query ? `?${query}` : ''}`;
}

/** The state a hash names: only the tab's own filters, and a page number that is one (else page 1). */
export function parseListHash(hash: string, keys: readonly FilterKey[]): ListState {
  const params = new URLSearchParams(/^#[\w-]*\?(.*)$/.exec(hash)?.[1] ?? '');
  const filters: ListFilters = {};
  for (const key of keys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const page = Number(params.get('page'));
  return { filters, page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1 };
}
