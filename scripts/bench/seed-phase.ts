import { getSettings } from '../../shared/config';
import { openDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import { demoDefaults, ensureErpTables, seedDemoErp } from '../../shared/demo';
import { measure } from './bench-child';

/** The demo ERP at seed scale (or BENCH_CUSTOMERS customers, for --quick), for the sync and API phases. */
measure(async () => {
  const erp = await openDatabase<ErpDatabase>({ setting: 'ERP_CONNECTION', connection: getSettings().ERP_CONNECTION });
  try {
    await ensureErpTables(erp);
    return { counts: await seedDemoErp(erp, { customers: Number(process.env.BENCH_CUSTOMERS ?? demoDefaults.customers) }) };
  } finally {
    await erp.close();
  }
});
