import type sql from 'mssql';
import type { DatabaseConnection, Driver, TransactionSettings } from 'kysely';
import { MssqlConnection } from './mssql-connection';

const asMssql = (connection: DatabaseConnection): MssqlConnection => connection as MssqlConnection;

/** Kysely driver over one mssql ConnectionPool per process. */
export class MssqlDriver implements Driver {
  readonly #pool: sql.ConnectionPool;

  constructor(pool: sql.ConnectionPool) {
    this.#pool = pool;
  }

  async init(): Promise<void> {
    if (!this.#pool.connected) await this.#pool.connect();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new MssqlConnection(this.#pool);
  }

  async releaseConnection(): Promise<void> {}

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await asMssql(connection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await asMssql(connection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await asMssql(connection).rollback();
  }

  async destroy(): Promise<void> {
    await this.#pool.close();
  }
}
