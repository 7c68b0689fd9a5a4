/**
 * Which rows of an ordered list to read. The portal owns the type because it decides paging;
 * the mirror's list queries take it as they find it.
 */
export interface RowWindow {
  readonly offset: number;
  readonly fetch: number;
}
