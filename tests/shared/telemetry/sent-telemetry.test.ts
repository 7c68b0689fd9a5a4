import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type PortalApp } from '../../../shared/composition/create-app';
import { loadSettings } from '../../../shared/config';
import type { SecretReader } from '../../../shared/config/secrets/secret-reader';
import { seedDemoErp } from '../../../shared/demo';
import { httpHandler } from '../../../shared/http/endpoint';
import { telemetryNames } from '../../../shared/telemetry/telemetry';
import { ordersList } from '../../../functions/orders-list';
import { invoke } from '../../functions/helpers/invoke';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import { FakeBigCommerce } from '../bigcommerce/fake-bigcommerce';
import { FakeIngestion, opensslAvailable, type Envelope } from './fake-ingestion';
import { inventoryOf } from './telemetry-inventory';

// Everything the app sends to Application Insights, exercised through the production composition and
// the real OpenTelemetry distro and exporter, received by the fake ingestion endpoint. The inventory of
// names and keys it records (__snapshots__/sent-telemetry.json) is what tests/bicep/kql-gate.test.ts
// holds every workbook and alert query to, so a query on a key the app never sends fails CI, and a
// change to what the app sends fails here until the file is reviewed (vitest -u).

// The fake ingestion's certificate is self-signed; this file runs in its own worker process.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const ingestion = new FakeIngestion();
const bigCommerce = new FakeBigCommerce('telemetry-store', 'telemetry-bc-token-0123456789');
const metric = telemetryNames.metrics;
const event = telemetryNames.events;

/** Key Vault's SecretClient at its SDK interface, unreachable for the admin keys (statusCode as the SDK's RestError). */
const vault: SecretReader = {
  getSecret: async (name) => {
    if (name === 'portal-admin-keys') throw Object.assign(new Error('connect ETIMEDOUT 10.0.0.4:443'), { code: 'ETIMEDOUT' });
    throw Object.assign(new Error(`SecretNotFound: ${name}`), { statusCode: 404 });
  },
};

let configured: PortalApp;
let unconfigured: PortalApp;

const received = (match: (e: Envelope) => boolean) => ingestion.received(match, () => configured.telemetry.flush());

const named = (baseType: string, name: string) => (e: Envelope) =>
  e.data.baseType === baseType &&
  (baseType === 'MetricData' ? (e.data.baseData.metrics as { name: string }[]).some((m) => m.name === name) : e.data.baseData.name === name);

const runnable = opensslAvailable() || Boolean(process.env.CI);
const suite = runnable ? describe : describe.skip;

suite('what the app sends to Application Insights, as the ingestion endpoint receives it', () => {
  beforeAll(async () => {
    const connectionString = await ingestion.start();
    const apiBase = await bigCommerce.start();
    bigCommerce.attributes = [{ id: 1, name: 'erp_customer_number' }];
    bigCommerce.values = [{ attribute_id: 1, customer_id: 11, attribute_value: 'C00001' }];
    bigCommerce.variants = [{ id: 1, productId: 101, sku: 'BOLT-10010-ZN', purchasingDisabled: false }];
    const erp = await createTestErp();
    await seedDemoErp(erp, { customers: 5, days: 30, seed: 3 });
    const common = { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_BURST: '1' };
    configured = createApp(
      loadSettings({
        ...common,
        BC_API_BASE_URL: apiBase,
        BC_STORE_HASH: bigCommerce.storeHash,
        BC_API_TOKEN: bigCommerce.token,
        KEY_VAULT_URL: 'https://telemetry-test.vault.azure.net',
      }),
      { erp, mirror: await createTestMirror(), secretReader: vault, bigCommerce: { sleep: async () => {} } },
    );
    // No BigCommerce settings, and an ERP that cannot be reached: the skipped and failed runs.
    unconfigured = createApp(loadSettings(common), {
      erp: () => Promise.reject(new Error('ERP unreachable')),
      mirror: await createTestMirror(),
    });
  });

  afterAll(async () => {
    await configured?.close();
    await unconfigured?.close();
    await bigCommerce.stop();
    await ingestion.stop();
  });

  it('sends the ERP sync’s run and entity events and metrics, succeeded and failed', async () => {
    await configured.sync.run({ trigger: 'timer' });
    await unconfigured.sync.run({ trigger: 'api' });
    const runs = await received(named('EventData', event.syncRun));
    await received(named('EventData', event.syncEntity));
    for (const name of [metric.syncDurationMs, metric.syncRowsChanged, metric.syncLagSeconds]) await received(named('MetricData', name));
    await expect.poll(() => ingestion.envelopes.filter(named('EventData', event.syncRun)).length, { timeout: 60_000 }).toBe(2);
    expect(runs.map((r) => r.data.baseData.properties)).toContainEqual(expect.objectContaining({ status: 'succeeded' }));
  });

  it('sends the link and catalog sync runs: succeeded with their counts, skipped with the reason', async () => {
    await configured.linkCustomers();
    await configured.syncCatalog();
    await unconfigured.linkCustomers();
    await unconfigured.syncCatalog();
    const links = await received(named('EventData', event.linkSyncRun));
    await expect.poll(() => ingestion.envelopes.filter(named('EventData', event.catalogSyncRun)).length, { timeout: 60_000 }).toBe(2);
    expect(links[0]?.data.baseData.measurements).toMatchObject({ read: 1, linked: 1 });
  });

  it('sends a failed link or catalog sync with its error', async () => {
    bigCommerce.answerNext('/customers/attributes', { status: 403 });
    bigCommerce.answerNext('/catalog/variants', { status: 403 });
    await expect(configured.linkCustomers()).rejects.toThrow();
    await expect(configured.syncCatalog()).rejects.toThrow();
    for (const name of [event.linkSyncRun, event.catalogSyncRun]) {
      const failed = await received((e) => named('EventData', name)(e) && (e.data.baseData.properties as { status: string }).status === 'failed');
      expect((failed[0]?.data.baseData.properties as { error: string }).error).toMatch(/403/);
    }
  });

  it('sends an unreadable Key Vault secret, the API’s auth failures and rate-limited requests, and the poison count', async () => {
    await expect(configured.secrets.get('PORTAL_ADMIN_KEYS')).rejects.toThrow(/PORTAL_ADMIN_KEYS/);
    const handler = httpHandler(ordersList, () => configured.api);
    expect((await invoke(handler, 'v1/orders?customer=C00001')).status).toBe(401);
    expect((await invoke(handler, 'v1/orders?customer=C00001')).status).toBe(429);
    expect(await configured.checkSyncRequestsPoison()).toBe(0);
    const [secret] = await received(named('EventData', event.secretUnreadable));
    expect(secret?.data.baseData.properties).toMatchObject({ setting: 'PORTAL_ADMIN_KEYS', servedStale: 'false' });
    for (const name of [metric.apiAuthFailures, metric.apiRateLimited, metric.syncRequestsPoisoned]) await received(named('MetricData', name));
  });

  it('sends metrics pre-aggregated per export interval (value is the sum; count, min and max beside it)', async () => {
    configured.telemetry.metric(metric.syncLagSeconds, 30, { probe: 'aggregation' });
    configured.telemetry.metric(metric.syncLagSeconds, 900, { probe: 'aggregation' });
    const [aggregated] = await received((e) => e.data.baseType === 'MetricData' && JSON.stringify(e).includes('"aggregation"'));
    expect(aggregated?.data.baseData.metrics).toEqual([expect.objectContaining({ name: metric.syncLagSeconds, value: 930, count: 2, min: 30, max: 900 })]);
  });

  it('records the inventory the KQL gate reads (review a change, then vitest -u)', async () => {
    const app = ingestion.envelopes.filter((e) => !JSON.stringify(e.data.baseData.properties ?? {}).includes('"probe"'));
    const inventory = inventoryOf(app);
    await expect(`${JSON.stringify(inventory, null, 2)}\n`).toMatchFileSnapshot(path.join(__dirname, '__snapshots__', 'sent-telemetry.json'));
  });
});
