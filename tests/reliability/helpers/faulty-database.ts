import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import type { BulkLoader, BulkRow, BulkTable } from '../../../shared/db/bulk-table';
import { PGliteDialect } from '../../../shared/db/pglite/pglite-dialect';
import type { PortalDatabase } from '../../../shared/db/portal-database';

export interface Statement {
  readonly kind: 'query' | 'bulk load' | 'begin' | 'commit';
  /** The SQL text, or the table for a bulk load. */
  readonly sql: string;
  readonly inTransaction: boolean;
}

export interface Fault {
  readonly error: unknown;
  /** The statement ran and only its reply was lost (a dropped socket after the server finished). */
  readonly lostReply: boolean;
}

/** Decides statement by statement whether to fail it, and hears which statements went through. */
export interface FaultPlan {
  next(statement: Statement): Fault | null;
  succeeded(statement: Statement): void;
}

/**
 * Where faults enter: every statement, bulk load, begin and commit the adapters send through
 * Kysely's driver. Rollbacks always pass: when a session breaks, the server rolls its transaction
 * back itself. A lost reply is never simulated for BEGIN: the dropped connection would take that
 * transaction with it, while PGlite's single session would keep it open.
 */
export class FaultGate {
  plan: FaultPlan | null = null;
  #inTransaction = false;

  async run<T>(kind: Statement['kind'], sql: string, execute: () => Promise<T>): Promise<T> {
    const statement: Statement = { kind, sql, inTransaction: this.#inTransaction };
    const fault = this.plan?.next(statement) ?? null;
    if (fault && (!fault.lostReply || kind === 'begin')) throw fault.error;
    const result = await execute();
    if (kind === 'begin') this.#inTransaction = true;
    if (kind === 'commit') this.#inTransaction = false;
    if (fault) throw fault.error;
    this.plan?.succeeded(statement);
    return result;
  }

  rolledBack(): void {
    this.#inTransaction = false;
  }
}

class FaultyConnection implements DatabaseConnection, BulkLoader {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly gate: FaultGate,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.gate.run('query', query.sql, () => this.inner.executeQuery<R>(query));
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
    return this.gate.run('bulk load', table.name, () => (this.inner as DatabaseConnection & BulkLoader).bulkLoad(table, rows));
  }
}

const unwrap = (connection: DatabaseConnection) => (connection as FaultyConnection).inner;

class FaultyDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly gate: FaultGate,
  ) {}

  init = () => this.inner.init();
  destroy = () => this.inner.destroy();
  acquireConnection = async () => new FaultyConnection(await this.inner.acquireConnection(), this.gate);
  releaseConnection = (connection: DatabaseConnection) => this.inner.releaseConnection(unwrap(connection));

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.gate.run('begin', 'begin', () => this.inner.beginTransaction(unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.gate.run('commit', 'commit', () => this.inner.commitTransaction(unwrap(connection)));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(unwrap(connection));
    this.gate.rolledBack();
  }
}

/** Any Kysely dialect with a FaultGate between Kysely and its driver. */
export function faultyDialect(inner: Dialect, gate: FaultGate): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new FaultyDriver(inner.createDriver(), gate),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/** An in-memory PGlite from a global-setup template, behind a FaultGate that starts with no plan. */
export async function faultyPglite<DB>(template: string): Promise<{ database: PortalDatabase<DB>; gate: FaultGate }> {
  const pg = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) });
  const gate = new FaultGate();
  const db = new Kysely<DB>({ dialect: faultyDialect(new PGliteDialect(pg), gate) });
  return { database: { dialect: 'pglite', db, close: () => db.destroy() }, gate };
}
