import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import type { ReorderMatch } from '../mirror/queries/reorder-join';

/** The mirror as the services read it: the connection and its dialect (some queries differ per engine). */
export type PortalMirror = Pick<PortalDatabase<MirrorDatabase>, 'db' | 'dialect'>;

/** What the portal services need: the mirror, the quote type codes and the SKU rule (BC_SKU_MATCH). */
export interface PortalContext {
  mirror(): Promise<PortalMirror>;
  readonly quoteTypes: readonly string[];
  readonly skuMatch: ReorderMatch['skuMatch'];
}

/** Quote types as the ERP stores them (char(1), so compared trimmed). */
export const isQuoteType = (context: PortalContext, ordType: string | null): boolean =>
  ordType !== null && context.quoteTypes.includes(ordType.trimEnd());
