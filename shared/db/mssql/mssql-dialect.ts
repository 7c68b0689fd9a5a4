import type sql from 'mssql';
import {
  MssqlAdapter,
  MssqlIntrospector,
  MssqlQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely';
import { MssqlDriver } from './mssql-driver';

export class MssqlPoolDialect implements Dialect {
  readonly #pool: sql.ConnectionPool;

  constructor(pool: sql.ConnectionPool) {
    this.#pool = pool;
  }

  createDriver(): Driver {
    return new MssqlDriver(this.#pool);
  }

  createAdapter(): DialectAdapter {
    return new MssqlAdapter();
  }

  createQueryCompiler(): QueryCompiler {
    return new MssqlQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new MssqlIntrospector(db);
  }
}
