import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { createScratchTable } from '../../shared/mirror/scratch-table';
import { goneSpec, stageSpec } from '../../shared/mirror/sync/stage-tables';
import { syncEntities } from '../../shared/sync/sync-entities';
import { mssqlTestConnection, scratchDatabases } from './mssql-databases';

/** Resolves once `parties` callers have arrived, so two sessions provably hold their tables at the same time. */
function meetingPoint(parties: number) {
  let arrived = 0;
  let open!: () => void;
  const everyone = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === parties) open();
    await everyone;
  };
}

/**
 * Two syncs (a timer run and a manual run on another instance, say) each create the same #stage and #gone
 * tables in their own session. Temp table names are per session, but constraint names live in tempdb's
 * shared namespace: a named primary key makes the second session fail with Msg 2714.
 */
describe.skipIf(!mssqlTestConnection)('SQL Server contract: stage tables from two sessions at once', () => {
  let mirror: PortalDatabase<MirrorDatabase>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await scratchDatabases<MirrorDatabase>(['stage']);
    mirror = scratch.databases.stage!;
    drop = scratch.drop;
  });
  afterAll(() => drop?.());

  it('creates every #stage and #gone table concurrently from two connections', async () => {
    const specs = syncEntities.flatMap((entity) => [stageSpec(entity, 'mssql'), goneSpec(entity, 'mssql')]);
    const bothCreated = meetingPoint(2);
    const session = () =>
      mirror.db.transaction().execute(async (trx) => {
        try {
          for (const spec of specs) await createScratchTable(trx, spec, 'mssql');
        } finally {
          await bothCreated(); // also on failure, so the other session is not left waiting
        }
        const { rows } = await sql<{ spid: number; tables: number }>`
          select @@spid as spid, count(*) as tables from tempdb.sys.tables where object_id in (${sql.join(
            specs.map((spec) => sql`object_id(${`tempdb..${spec.name}`})`),
          )})`.execute(trx);
        for (const spec of specs) await trx.schema.dropTable(spec.name).execute();
        return rows[0]!;
      });

    const [first, second] = await Promise.all([session(), session()]);
    expect(first.spid).not.toBe(second.spid);
    expect([first.tables, second.tables]).toEqual([specs.length, specs.length]);
  });
});
