import { PGlite } from '@electric-sql/pglite';
import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely';
import { PGliteDriver } from './pglite-driver';
import { inProcessSession, type PGliteSession } from './pglite-session';

/** Kysely over PGlite: an instance in this thread, or the session of one in a worker thread (pglite-worker-session.ts). */
export class PGliteDialect implements Dialect {
  readonly #session: PGliteSession;

  constructor(engine: PGlite | PGliteSession) {
    this.#session = engine instanceof PGlite ? inProcessSession(engine) : engine;
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#session);
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
