import { getSettings } from '../../shared/config';
import { openDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import { ensureErpTables, seedDemoErp } from '../../shared/demo';
import { measure } from './bench-child';

/** The demo ERP at seed scale, for the sync and API phases. */
measure(async () => {
  const erp = await openDatabase<ErpDatabase>({ setting: 'ERP_CONNECTION', connection: getSettings().ERP_CONNECTION });
  try {
    await ensureErpTables(erp);
    return { counts: await seedDemoErp(erp) };
  } finally {
    await erp.close();
  }
});
