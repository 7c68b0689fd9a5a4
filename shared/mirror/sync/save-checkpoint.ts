import { sql } from 'kysely';
import { encodeCursor, type CheckpointWrite } from '../../sync/checkpoint';
import type { EntityName } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

/** Upserts the entity's `sync_state` row; runs inside the batch transaction so it commits with the rows. */
export function saveCheckpointQuery(db: MirrorDb, entity: EntityName, checkpoint: CheckpointWrite, now: Date) {
  const values = {
    scan_cursor: encodeCursor(checkpoint.pass),
    scan_started_at: checkpoint.pass?.startedAt ?? null,
    ct_version: checkpoint.ctVersion,
    last_complete_at: checkpoint.lastCompleteAt,
    updated_at: now,
  };
  return db
    .mergeInto('sync_state as t')
    .using(db.selectNoFrom(sql<string>`cast(${entity} as varchar(32))`.as('entity')).as('s'), 't.entity', 's.entity')
    .whenMatched()
    .thenUpdateSet(values)
    .whenNotMatched()
    .thenInsertValues({ entity: sql.ref('s.entity'), ...values });
}

export async function saveCheckpoint(db: MirrorDb, entity: EntityName, checkpoint: CheckpointWrite, now: Date): Promise<void> {
  await saveCheckpointQuery(db, entity, checkpoint, now).execute();
}
