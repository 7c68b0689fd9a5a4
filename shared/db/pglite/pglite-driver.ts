import { CompiledQuery, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import { PGliteConnection } from './pglite-connection';
import type { PGliteSession } from './pglite-session';

/**
 * Kysely driver over one PGlite engine, in this thread or a worker's. PGlite is a single session, so
 * the driver hands the one connection to one caller at a time; a transaction holds it until commit or rollback.
 */
export class PGliteDriver implements Driver {
  readonly #session: PGliteSession;
  readonly #connection: PGliteConnection;
  readonly #waiters: Array<() => void> = [];
  #busy = false;

  constructor(session: PGliteSession) {
    this.#session = session;
    this.#connection = new PGliteConnection(session);
  }

  async init(): Promise<void> {
    await this.#session.ready;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#busy = true;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#busy = false;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.#session.close();
  }
}
