import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';

/** The mirror as the services read it: the connection and its dialect (some queries differ per engine). */
export type PortalMirror = Pick<PortalDatabase<MirrorDatabase>, 'db' | 'dialect'>;

/** What the portal services need: the mirror and the quote type codes. */
export interface PortalContext {
  mirror(): Promise<PortalMirror>;
  readonly quoteTypes: readonly string[];
}

/** Quote types as the ERP stores them (char(1), so compared trimmed). */
export const isQuoteType = (context: PortalContext, ordType: string | null): boolean =>
  ordType !== null && context.quoteTypes.includes(ordType.trimEnd());
