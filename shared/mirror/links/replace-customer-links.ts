import type { PortalDatabase } from '../../db/portal-database';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { countIncomingLinks, countVanishedLinks, mergeStagedLinks } from './customer-link-queries';
import { createScratchTable, dropScratchTable, loadScratchTable } from '../scratch-table';
import { customerLinkStage, type CustomerLinkStageTables } from './customer-link-stage';

export interface CustomerLink {
  readonly bcCustomerId: number;
  readonly custNo: string;
}

export interface LinkChanges {
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
}

/**
 * Makes `customer_link` equal to `links`, the complete set read from BigCommerce: bulk-load a
 * stage, count the changes for the run summary, then MERGE. Callers must pass a complete read:
 * a partial one would delete every link it missed. One transaction, so readers never see a gap.
 */
export async function replaceCustomerLinks(
  database: PortalDatabase<MirrorDatabase>,
  links: readonly CustomerLink[],
  now: Date,
): Promise<LinkChanges> {
  return database.db.transaction().execute(async (trx) => {
    const db = trx.withTables<CustomerLinkStageTables>();
    await createScratchTable(db, customerLinkStage, database.dialect);
    await loadScratchTable(
      db,
      customerLinkStage,
      links.map((link) => [link.bcCustomerId, link.custNo]),
    );
    const incoming = await countIncomingLinks(db).executeTakeFirstOrThrow();
    const vanished = await countVanishedLinks(db).executeTakeFirstOrThrow();
    await mergeStagedLinks(db, now).execute();
    await dropScratchTable(db, customerLinkStage);
    return { inserted: Number(incoming.inserted), updated: Number(incoming.updated), removed: Number(vanished.removed) };
  });
}
