import type { TableSpec } from '../db/schema/column-types';
import { customerTable, orderHeaderTable, orderLineTable } from '../db/schema/erp-tables';
import { mirrorCustomerTable, mirrorOrderHeaderTable, mirrorOrderLineTable } from '../db/schema/mirror-tables';

export type EntityName = 'customers' | 'orders' | 'lines';
export type SyncValue = string | number | boolean | Date | null;
export type SyncRow = Readonly<Record<string, SyncValue>>;
/** A primary key's values in key-column order; JSON-safe so checkpoints can store it. */
export type KeyValues = readonly (string | number)[];

export type SkipReason = 'customer_missing' | 'header_missing';

/**
 * The FK the sink enforces against the mirror: `column` names the parent's key on both sides. A
 * row whose parent is not mirrored is skipped and counted under `skipReason`; so is a NULL
 * reference when the column is nullable.
 */
export interface ParentKey {
  readonly table: string;
  readonly column: string;
  readonly skipReason: SkipReason;
}

/**
 * Which source rows belong in the mirror, from the run's window start on. `since`: the row's own
 * `column`. `parent-since`: the parent's `column`, through `parent`; rows whose parent is missing
 * are read too, so the sink can skip and count them. No window: every row.
 */
export type EntityWindow = { readonly kind: 'since'; readonly column: string } | { readonly kind: 'parent-since'; readonly column: string };

/** A child table whose rows go with a deleted row: `column` references this entity's key. */
export interface Cascade {
  readonly entity: EntityName;
  readonly table: string;
  readonly column: string;
}

/**
 * What the sink does with a row gone from the source (or out of the window). `retire`: kept,
 * marked inactive, while mirrored orders or a BigCommerce link still point at it; deleted
 * otherwise. `delete`: deleted, with its `cascade` children.
 */
export type GoneRule = { readonly kind: 'retire' } | { readonly kind: 'delete'; readonly cascade?: Cascade };

/** What makes one synced table different from another: data the adapters turn into SQL. */
export interface SyncEntity {
  readonly name: EntityName;
  readonly table: string;
  readonly key: readonly string[];
  /** Source columns in hash order. */
  readonly columns: readonly string[];
  /** The ERP table. */
  readonly source: TableSpec;
  /** Its mirror copy: the source columns, row_hash and sync_date. */
  readonly mirror: TableSpec;
  readonly parent?: ParentKey;
  readonly window?: EntityWindow;
  readonly gone: GoneRule;
}

const entity = (name: EntityName, source: TableSpec, mirror: TableSpec, rules: Pick<SyncEntity, 'parent' | 'window' | 'gone'>): SyncEntity => ({
  name,
  table: source.name,
  key: source.primaryKey,
  columns: source.columns.map((c) => c.name),
  source,
  mirror,
  ...rules,
});

/** In sync order: parents before their children. */
export const syncEntities: readonly SyncEntity[] = [
  entity('customers', customerTable, mirrorCustomerTable, { gone: { kind: 'retire' } }),
  entity('orders', orderHeaderTable, mirrorOrderHeaderTable, {
    parent: { table: customerTable.name, column: 'cust_no', skipReason: 'customer_missing' },
    window: { kind: 'since', column: 'order_dt' },
    gone: { kind: 'delete', cascade: { entity: 'lines', table: orderLineTable.name, column: 'order_no' } },
  }),
  entity('lines', orderLineTable, mirrorOrderLineTable, {
    parent: { table: orderHeaderTable.name, column: 'order_no', skipReason: 'header_missing' },
    window: { kind: 'parent-since', column: 'order_dt' },
    gone: { kind: 'delete' },
  }),
];

/** The children deleted with the entity's rows, if any. */
export const cascadeOf = (entity: SyncEntity): Cascade | undefined => (entity.gone.kind === 'delete' ? entity.gone.cascade : undefined);

/** Key values of a row. CHAR keys come padded; trailing blanks are not significant in either engine. */
export function keyOf(entity: SyncEntity, row: SyncRow): KeyValues {
  return entity.key.map((column) => {
    const value = row[column];
    if (typeof value === 'string') return value.trimEnd();
    if (typeof value === 'number') return value;
    throw new Error(`${entity.table}.${column}: key value must be a string or number, got ${String(value)}`);
  });
}

export const keyText = (key: KeyValues): string => JSON.stringify(key);
