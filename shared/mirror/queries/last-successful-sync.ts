import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

/** When the newest successful sync run finished, or undefined if none has. */
export async function lastSuccessfulSync(db: Kysely<MirrorDatabase>): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sync_run')
    .select('finished_at')
    .where('status', '=', 'succeeded')
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .offset(0)
    .fetch(1)
    .executeTakeFirst();
  return row?.finished_at ?? undefined;
}
