import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { listCustomerHeaders, toListFilter } from '../../../shared/portal/list-service';
import type { PortalContext } from '../../../shared/portal/portal-context';
import { loadPortalFixture } from '../../functions/helpers/portal-fixture';
import { createTestMirror } from '../../helpers/databases';

let mirror: PortalDatabase<MirrorDatabase>;
const statements: string[] = [];

/** Records the kind and first table of every statement the service sends. */
const recorder: KyselyPlugin = {
  transformQuery({ node }) {
    const root = node as RootOperationNode & { from?: { froms: { table?: { identifier: { name: string } } }[] } };
    statements.push(`${root.kind}:${root.from?.froms[0]?.table?.identifier.name ?? '?'}`);
    return node;
  },
  async transformResult({ result }) {
    return result;
  },
};

const context = (): PortalContext => ({ quoteTypes: ['Q'], skuMatch: 'case-sensitive', mirror: async () => ({ dialect: mirror.dialect, db: mirror.db.withPlugin(recorder) }) });

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
});

afterAll(async () => {
  await mirror.close();
});

describe('CSV export limit', () => {
  it('refuses an over-limit export after one count, before reading or summarising any row', async () => {
    statements.length = 0;
    const exported = listCustomerHeaders(context(), 'orders', toListFilter('C00001', {}), { offset: 0, fetch: 10, exportLimit: 10 });
    await expect(exported).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('(25 match)') });
    expect(statements).toEqual(['SelectQueryNode:ord_hedr']);
  });

  it('exports every row within the limit, with the counted total', async () => {
    const page = await listCustomerHeaders(context(), 'orders', toListFilter('C00001', {}), { offset: 0, fetch: 25, exportLimit: 25 });
    expect(page.total).toBe(25);
    expect(page.items).toHaveLength(25);
  });
});
