import { decodeCursor, type Checkpoint } from '../../sync/checkpoint';
import type { EntityName } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

export function loadCheckpointsQuery(db: MirrorDb) {
  return db.selectFrom('sync_state').select(['entity', 'scan_cursor', 'scan_started_at', 'ct_version', 'last_complete_at']);
}

export async function loadCheckpoints(db: MirrorDb): Promise<Map<EntityName, Checkpoint>> {
  const rows = await loadCheckpointsQuery(db).execute();
  return new Map(
    rows.map((row) => {
      const entity = row.entity as EntityName;
      const checkpoint: Checkpoint = {
        entity,
        pass: decodeCursor(row.scan_cursor, row.scan_started_at),
        ctVersion: row.ct_version,
        lastCompleteAt: row.last_complete_at,
      };
      return [entity, checkpoint];
    }),
  );
}
