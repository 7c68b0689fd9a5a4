import sql from 'mssql';
import { mssqlConfig } from '../../shared/db/mssql/mssql-config';
import { openDatabase } from '../../shared/db/open-database';
import type { PortalDatabase } from '../../shared/db/portal-database';

/** Connection string of a disposable SQL Server (see README: "SQL Server contract suite"). */
export const mssqlTestConnection = process.env.MSSQL_TEST_CONNECTION?.trim() || undefined;

function withDatabase(connection: string, database: string): string {
  const parts = connection.split(';').filter((p) => p.trim() && !/^\s*(database|initial catalog)\s*=/i.test(p));
  return [...parts, `Database=${database}`].join(';');
}

/** Creates fresh databases for one test file and drops them afterwards. */
export async function scratchDatabases<DB>(names: readonly string[]) {
  if (!mssqlTestConnection) throw new Error('MSSQL_TEST_CONNECTION is not set');
  const suffix = `${process.pid}_${Date.now()}`;
  const admin = new sql.ConnectionPool(mssqlConfig('MSSQL_TEST_CONNECTION', withDatabase(mssqlTestConnection, 'master')));
  await admin.connect();
  const opened: PortalDatabase<DB>[] = [];
  const databases: Record<string, PortalDatabase<DB>> = {};
  for (const name of names) {
    const database = `portal_contract_${name}_${suffix}`;
    await admin.request().batch(`create database [${database}]`);
    const portal = await openDatabase<DB>({ setting: 'MSSQL_TEST_CONNECTION', connection: withDatabase(mssqlTestConnection, database) });
    opened.push(portal);
    databases[name] = portal;
  }
  const drop = async () => {
    for (const portal of opened) await portal.close();
    for (const name of names) {
      await admin.request().batch(`alter database [portal_contract_${name}_${suffix}] set single_user with rollback immediate; drop database [portal_contract_${name}_${suffix}]`);
    }
    await admin.close();
  };
  return { databases, drop };
}
