import type { Kysely, Migration } from 'kysely';
import { char, datetime, int, text, varchar, type SqlDialectName, type TableSpec } from '../schema/column-types';
import { createTableFromSpec } from '../schema/create-table';
import { mirroredTables } from '../schema/mirror-tables';

const syncStateTable: TableSpec = {
  name: 'sync_state',
  primaryKey: ['entity'],
  columns: [
    { name: 'entity', type: varchar(32), nullable: false },
    { name: 'scan_cursor', type: varchar(400), nullable: true },
    { name: 'scan_started_at', type: datetime, nullable: true },
    { name: 'ct_version', type: varchar(40), nullable: true },
    { name: 'last_complete_at', type: datetime, nullable: true },
    { name: 'updated_at', type: datetime, nullable: false },
  ],
};

const syncRunTable: TableSpec = {
  name: 'sync_run',
  primaryKey: ['run_id'],
  columns: [
    { name: 'run_id', type: varchar(36), nullable: false },
    { name: 'triggered_by', type: varchar(16), nullable: false },
    { name: 'status', type: varchar(16), nullable: false },
    { name: 'started_at', type: datetime, nullable: false },
    { name: 'finished_at', type: datetime, nullable: true },
    { name: 'summary', type: text, nullable: true },
    { name: 'error', type: varchar(4000), nullable: true },
  ],
};

const customerLinkTable: TableSpec = {
  name: 'customer_link',
  primaryKey: ['bc_customer_id'],
  columns: [
    { name: 'bc_customer_id', type: int, nullable: false },
    { name: 'cust_no', type: char(6), nullable: false },
    // Nullable: customer_link(bc_customer_id, cust_no) is a contract other tools may insert into directly.
    { name: 'updated_at', type: datetime, nullable: true },
  ],
};

export const ownTables = [syncStateTable, syncRunTable, customerLinkTable] as const;

/** The mirror's tables and the indexes behind the API's access paths. */
export function mirrorTablesMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      for (const spec of [...mirroredTables, ...ownTables]) await createTableFromSpec(db, spec, dialect).execute();
      await db.schema
        .createIndex('ix_ord_hedr_cust_date')
        .on('ord_hedr')
        .columns(['cust_no', 'order_dt desc', 'order_no desc'])
        .execute();
      await db.schema.createIndex('ix_ord_hedr_cust_inv').on('ord_hedr').columns(['cust_no', 'inv_no']).execute();
      await db.schema.createIndex('ix_ord_hedr_order_dt').on('ord_hedr').column('order_dt').execute();
      await db.schema.createIndex('ix_customer_link_cust').on('customer_link').column('cust_no').execute();
      await db.schema.createIndex('ix_sync_run_started').on('sync_run').column('started_at desc').execute();
    },
  };
}
