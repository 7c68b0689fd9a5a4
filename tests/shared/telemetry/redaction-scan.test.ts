import { HttpRequest, HttpResponse, InvocationContext } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createErpSyncHandler } from '../../../functions/erp-sync';
import { ordersList } from '../../../functions/orders-list';
import type { AppEndpoint } from '../../../shared/composition/app-routes';
import { createApp, type PortalApp } from '../../../shared/composition/create-app';
import { loadSettings } from '../../../shared/config';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { httpHandler } from '../../../shared/http/endpoint';
import { createTestMirror } from '../../helpers/databases';
import { customerToken } from '../../functions/helpers/invoke';
import { links, loadPortalFixture } from '../../functions/helpers/portal-fixture';
import { FakeTelemetryClient } from './fake-telemetry-client';

const apiKey = 'scan-api-key-7f3a9c2e-0123456789abcdef';
const adminKey = 'scan-admin-key-91bd0c-0123456789abcdef';
const clientSecret = 'test-secret-0123456789abcdef0123456789abcdef';
const erpPassword = 'Erp-Pa55-w0rd-x7';
const bcToken = 'scan-bc-api-token-5521';
const environment = {
  PORTAL_API_KEYS: `${apiKey},second-key-0042-0123456789abcdef0123`,
  PORTAL_ADMIN_KEYS: adminKey,
  BC_CLIENT_ID: 'client-abc',
  BC_CLIENT_SECRET: clientSecret,
  BC_STORE_HASH: 'store1',
  BC_API_TOKEN: bcToken,
  ERP_CONNECTION: `Server=tcp:erp.corp,1433;Database=epds01;User Id=portal;Password=${erpPassword}`,
};
/** What a careless driver might put in an error: a key, then the whole connection string. */
const leakyError = () => new Error(`key ${apiKey} and token ${bcToken} rejected; ${environment.ERP_CONNECTION}`);

const logged: string[] = [];
const client = new FakeTelemetryClient();
let mirror: PortalDatabase<MirrorDatabase>;
let token: string;

function context(name: string): InvocationContext {
  return new InvocationContext({ functionName: name, logHandler: (level, ...args) => logged.push(`${level} ${args.map(String).join(' ')}`) });
}

async function call(app: PortalApp, endpoint: AppEndpoint, path: string, headers: Record<string, string>): Promise<void> {
  const request = new HttpRequest({ method: 'GET', url: `http://localhost/api/${path}`, headers });
  const result = await httpHandler(endpoint, () => app.api)(request, context('ordersList'));
  logged.push(await (result instanceof HttpResponse ? result : new HttpResponse(result ?? {})).text());
}

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  token = await customerToken(links.C00001 as number);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await mirror.close();
});

describe('no secret reaches logs, responses, telemetry or sync_run', () => {
  it('holds through API calls, an unexpected API error and a failed sync', async () => {
    const settings = loadSettings(environment);
    // The production telemetry over a fake SDK client: the app's own redactor is the one under test.
    const compose = (healthy: boolean) =>
      createApp(settings, {
        mirror: healthy ? mirror : () => Promise.reject(leakyError()),
        erp: () => Promise.reject(leakyError()),
        telemetryClient: client,
        engine: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, isTransient: () => false } },
      });

    const healthy = compose(true);
    await call(healthy, ordersList, 'v1/orders?customer=C00001', { 'x-api-key': apiKey });
    await call(healthy, ordersList, 'v1/orders', { authorization: `Bearer ${token}` });
    await call(healthy, ordersList, 'v1/orders?customer=C00001', { 'x-api-key': `${apiKey}-wrong` });
    await call(compose(false), ordersList, 'v1/orders?customer=C00001', { 'x-api-key': apiKey });

    await createErpSyncHandler(() => healthy)({ isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, context('erpSync'));
    const runs = await mirror.db.selectFrom('sync_run').select(['status', 'error']).execute();

    const everything = [...logged, JSON.stringify(client.sent), JSON.stringify(runs)].join('\n');
    // The scan must have seen the failure paths it is meant to check.
    expect(runs).toEqual([{ status: 'failed', error: expect.stringContaining('rejected') }]);
    expect(everything).toContain('[REDACTED]');
    expect(client.named('event', 'ErpSyncRun')).toHaveLength(1);
    expect(client.sent.some((s) => s.kind === 'exception')).toBe(true);
    expect(client.sent.some((s) => s.kind === 'metric' && (s.item as { name: string }).name === 'Api.AuthFailures')).toBe(true);
    for (const secret of [apiKey, adminKey, clientSecret, erpPassword, bcToken, token]) {
      expect(everything, `leaked ${secret.slice(0, 8)}…`).not.toContain(secret);
    }
  });
});
