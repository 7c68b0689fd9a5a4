import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../db/schema/mirror-tables';

/** What the portal services need: the mirror and the quote type codes. */
export interface PortalContext {
  mirror(): Promise<Kysely<MirrorDatabase>>;
  readonly quoteTypes: readonly string[];
}

/** Quote types as the ERP stores them (char(1), so compared trimmed). */
export const isQuoteType = (context: PortalContext, ordType: string | null): boolean =>
  ordType !== null && context.quoteTypes.includes(ordType.trimEnd());
