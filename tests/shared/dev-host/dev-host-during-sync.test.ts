import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type PortalApp } from '../../../shared/composition/create-app';
import { loadSettings } from '../../../shared/config';
import { pgliteDatabase } from '../../../shared/db/open-database';
import { PGliteWorkerSession } from '../../../shared/db/pglite/pglite-worker-session';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { ErpDatabase } from '../../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { seedDemoErp } from '../../../shared/demo';
import { devHostSettings } from '../../../shared/dev-host/demo-mode';
import { startDevHost, type DevHost } from '../../../shared/dev-host/dev-host';

const apiKey = 'dev-host-during-sync-key-0123456789abcdef';
/** Small batches, so the sync is many short transactions with room for requests in between. */
const batchSize = 100;

/** One of the run's templates opened as the dev host opens its engines: each in a worker thread of its own. */
function inWorker<DB>(template: 'erp' | 'mirror'): PortalDatabase<DB> {
  const dump = new Blob([new Uint8Array(readFileSync(inject('pgliteTemplates')[template]))]);
  return pgliteDatabase<DB>(new PGliteWorkerSession({ loadDataDir: dump }));
}

let erp: PortalDatabase<ErpDatabase>;
let mirror: PortalDatabase<MirrorDatabase>;
let app: PortalApp;
let host: DevHost;

beforeAll(async () => {
  erp = inWorker('erp');
  mirror = inWorker('mirror');
  await seedDemoErp(erp, { customers: 400 });
  const settings = devHostSettings(loadSettings({ DEMO_MODE: 'off', PORTAL_API_KEYS: apiKey }));
  app = createApp(settings, { erp, mirror, engine: { batchSize } });
  host = await startDevHost({ port: 0, app });
});

afterAll(async () => {
  await host?.close();
  await app?.close();
  await erp?.close();
  await mirror?.close();
});

describe('dev host with its engines in worker threads', () => {
  it('answers API requests while a sync runs, between its batches, not after it', async () => {
    let batches = 0;
    let syncing = true;
    const sync = app.sync
      .run({ trigger: 'manual', onProgress: (p) => void (p.read > 0 && !p.done && batches++) })
      .finally(() => (syncing = false));
    const answered: Array<{ path: string; status: number; duringSync: boolean; batch: number }> = [];
    // Sequential requests, each sent once the one before it is answered: all of them must fit inside the sync.
    for (const path of ['/api/v1/health/live', '/api/v1/orders?customer=C00002&pageSize=5', '/api/v1/health', '/api/v1/customers/C00002']) {
      const response = await fetch(`${host.url}${path}`, { headers: { 'x-api-key': apiKey } });
      await response.arrayBuffer();
      answered.push({ path, status: response.status, duringSync: syncing, batch: batches });
    }
    const outcome = await sync;
    const lastBatch = batches;

    expect(outcome.status).toBe('succeeded');
    for (const answer of answered) expect(answer, answer.path).toMatchObject({ duringSync: true });
    expect(answered.map((a) => a.status)).toEqual([200, 200, 200, expect.any(Number)]);
    // The last answer came before the sync's last batch: requests were let in between batches.
    expect(answered.at(-1)!.batch).toBeLessThan(lastBatch);
  });
});
