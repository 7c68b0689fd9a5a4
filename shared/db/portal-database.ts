import type { Kysely } from 'kysely';
import type { SqlDialectName } from './schema/column-types';

/** A Kysely instance plus the facts adapters need to pick dialect-specific SQL. */
export interface PortalDatabase<DB> {
  readonly dialect: SqlDialectName;
  readonly db: Kysely<DB>;
  close(): Promise<void>;
}
