import { customerTable, orderHeaderTable, orderLineTable } from '../db/schema/erp-tables';

export type EntityName = 'customers' | 'orders' | 'lines';
export type SyncValue = string | number | boolean | Date | null;
export type SyncRow = Readonly<Record<string, SyncValue>>;
/** A primary key's values in key-column order; JSON-safe so checkpoints can store it. */
export type KeyValues = readonly (string | number)[];

export type SkipReason = 'customer_missing' | 'header_missing';

/** What the engine knows about an entity: names and columns only, never SQL. */
export interface SyncEntity {
  readonly name: EntityName;
  readonly table: string;
  readonly key: readonly string[];
  /** Source columns in hash order. */
  readonly columns: readonly string[];
  /** The FK the sink enforces against the mirror, and the reason it reports. */
  readonly skipReason?: SkipReason;
}

const columnsOf = (spec: typeof customerTable) => spec.columns.map((c) => c.name);

export const syncEntities: readonly SyncEntity[] = [
  { name: 'customers', table: customerTable.name, key: customerTable.primaryKey, columns: columnsOf(customerTable) },
  {
    name: 'orders',
    table: orderHeaderTable.name,
    key: orderHeaderTable.primaryKey,
    columns: columnsOf(orderHeaderTable),
    skipReason: 'customer_missing',
  },
  {
    name: 'lines',
    table: orderLineTable.name,
    key: orderLineTable.primaryKey,
    columns: columnsOf(orderLineTable),
    skipReason: 'header_missing',
  },
];

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
