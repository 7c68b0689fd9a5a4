import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  CompiledQuery,
  Kysely,
  MssqlAdapter,
  MssqlIntrospector,
  MssqlQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { expect } from 'vitest';

const testsDirectory = join(__dirname, '..');

/** Every reviewed T-SQL snapshot: `__snapshots__/<name>.sql` beside the test that writes it. */
export const tsqlSnapshotFiles = (): string[] =>
  readdirSync(testsDirectory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.sql') && basename(dirname(file)) === '__snapshots__')
    .map((file) => join(testsDirectory, file))
    .sort();

class RecordingConnection implements DatabaseConnection {
  constructor(private readonly log: CompiledQuery[]) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.log.push(query);
    return { rows: [] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('not supported by the recorder');
  }
}

class RecordingDriver implements Driver {
  constructor(private readonly log: CompiledQuery[]) {}
  async init() {}
  async acquireConnection() {
    return new RecordingConnection(this.log);
  }
  async beginTransaction() {
    this.log.push(CompiledQuery.raw('begin transaction'));
  }
  async commitTransaction() {
    this.log.push(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction() {
    this.log.push(CompiledQuery.raw('rollback'));
  }
  async releaseConnection() {}
  async destroy() {}
}

/** A Kysely on the SQL Server dialect that records compiled statements instead of running them. */
export function recordingMssql<DB>(): { db: Kysely<DB>; log: CompiledQuery[] } {
  const log: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new MssqlAdapter(),
      createDriver: () => new RecordingDriver(log),
      createIntrospector: (k) => new MssqlIntrospector(k),
      createQueryCompiler: () => new MssqlQueryCompiler(),
    },
  });
  return { db, log };
}

export interface LabelledQuery {
  readonly label: string;
  readonly query: CompiledQuery;
}

/** Renders statements as one reviewable T-SQL script: each batch headed by its label and parameter count. */
export function renderTsql(queries: readonly LabelledQuery[]): string {
  return queries
    .map(({ label, query }) => `-- ${label}\n-- parameters: ${query.parameters.length}\n${query.sql.trim()}\nGO\n`)
    .join('\n');
}

/** Compares the statements with the reviewed snapshot `__snapshots__/<name>.sql` beside the calling test (vitest resolves it there). */
export async function expectTsqlSnapshot(name: string, queries: readonly LabelledQuery[]): Promise<void> {
  expect(queries.length).toBeGreaterThan(0);
  await expect(renderTsql(queries)).toMatchFileSnapshot(`__snapshots__/${name}.sql`);
}
