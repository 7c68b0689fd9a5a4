import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { BulkLoader, BulkRow, BulkTable } from '../../shared/db/bulk-table';

/** The production ERP's link: an App Service Hybrid Connection, a relay with a round-trip time and a bandwidth. */
export interface LinkModel {
  readonly rttMs: number;
  readonly mbit: number;
}

export interface LinkCounts {
  readonly roundTrips: number;
  /** Estimated bytes received (see rowBytes). */
  readonly bytes: number;
  /** Time the link model waited, in total. */
  readonly chargedMs: number;
}

export const defaultLink: LinkModel = { rttMs: 30, mbit: 50 };

/*
 * The byte estimate, deterministic and roughly what TDS puts on the wire for a result row: each row
 * costs 1 byte (the ROW token), each field 2 bytes (a length prefix) plus the UTF-8 length of the
 * value's text form: a string as it is, a Date as ISO 8601, a binary value its own length, null
 * nothing, anything else String(value). Bytes sent (the queries) are not charged: they are small.
 */
const rowOverhead = 1;
const fieldOverhead = 2;

function valueBytes(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (value instanceof Date) return Buffer.byteLength(value.toISOString(), 'utf8');
  if (value instanceof Uint8Array) return value.byteLength;
  return Buffer.byteLength(String(value), 'utf8');
}

export function rowBytes(rows: readonly unknown[]): number {
  let bytes = 0;
  for (const row of rows) {
    bytes += rowOverhead;
    for (const value of Object.values(row as Record<string, unknown>)) bytes += fieldOverhead + valueBytes(value);
  }
  return bytes;
}

/** What one round trip receiving `bytes` costs on the link: the round-trip time plus the transfer time. */
export const linkDelayMs = (model: LinkModel, bytes: number): number => model.rttMs + ((bytes * 8) / (model.mbit * 1e6)) * 1000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Counts round trips and bytes on one database; with a model, also waits what each would cost on the link. */
export class LinkMeter {
  #roundTrips = 0;
  #bytes = 0;
  #chargedMs = 0;

  constructor(
    readonly model: LinkModel | null,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  /** One round trip that brought back `rows`. */
  async roundTrip(rows: readonly unknown[]): Promise<void> {
    const bytes = rowBytes(rows);
    this.#roundTrips += 1;
    this.#bytes += bytes;
    if (!this.model) return;
    const ms = linkDelayMs(this.model, bytes);
    this.#chargedMs += ms;
    await this.sleep(ms);
  }

  counts(): LinkCounts {
    return { roundTrips: this.#roundTrips, bytes: this.#bytes, chargedMs: Math.round(this.#chargedMs) };
  }

  reset(): void {
    this.#roundTrips = 0;
    this.#bytes = 0;
    this.#chargedMs = 0;
  }
}

/** Every query, stream chunk and bulk load on the connection is one round trip through the meter. */
class MeteredConnection implements DatabaseConnection, BulkLoader {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly meter: LinkMeter,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    await this.meter.roundTrip(result.rows);
    return result;
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    for await (const chunk of this.inner.streamQuery<R>(query, chunkSize)) {
      await this.meter.roundTrip(chunk.rows);
      yield chunk;
    }
  }

  async bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
    const inner = this.inner as DatabaseConnection & Partial<BulkLoader>;
    if (!inner.bulkLoad) throw new Error('This database connection does not support bulk loads');
    await inner.bulkLoad(table, rows);
    await this.meter.roundTrip([]);
  }
}

const unwrap = (connection: DatabaseConnection) => (connection as MeteredConnection).inner;

/** Begin, commit and rollback are round trips too; the inner driver gets its own connection back for them. */
class MeteredDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly meter: LinkMeter,
  ) {}

  init = () => this.inner.init();
  destroy = () => this.inner.destroy();
  acquireConnection = async () => new MeteredConnection(await this.inner.acquireConnection(), this.meter);
  releaseConnection = (connection: DatabaseConnection) => this.inner.releaseConnection(unwrap(connection));

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.inner.beginTransaction(unwrap(connection), settings);
    await this.meter.roundTrip([]);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(unwrap(connection));
    await this.meter.roundTrip([]);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(unwrap(connection));
    await this.meter.roundTrip([]);
  }
}

/** Any Kysely dialect with a LinkMeter between Kysely and its driver (bench only, never a product setting). */
export function meteredDialect(inner: Dialect, meter: LinkMeter): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new MeteredDriver(inner.createDriver(), meter),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
