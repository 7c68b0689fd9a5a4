import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, HttpRequest, HttpResponse, InvocationContext, type HttpFunctionOptions } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostedApp } from '../../shared/composition/hosted-app';

/**
 * The composition the Functions host runs: function modules imported as the worker imports them,
 * handlers taken from their app.http registrations, settings from the environment only. Nothing
 * here is built by the test, so a wiring gap in production (the 503 "Sync control is not
 * available on this host." of issue 12) fails it.
 */
const adminKey = 'prod-admin-key-3c9d-0123456789abcdef';
const registered = new Map<string, HttpFunctionOptions>();
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'portal-prod-'));
  Object.assign(process.env, {
    ERP_CONNECTION: `pglite:${join(root, 'erp')}`,
    MIRROR_CONNECTION: `pglite:${join(root, 'mirror')}`,
    PORTAL_API_KEYS: 'prod-api-key-1f2e-0123456789abcdefgh',
    PORTAL_ADMIN_KEYS: adminKey,
    DEMO_MODE: 'off',
  });
  vi.spyOn(app, 'http').mockImplementation((name, options) => void registered.set(name, options));
  // Imported after the spy, as the worker imports `main`'s files.
  for (const file of ['sync-status', 'sync-run']) await import(join(__dirname, '..', '..', 'functions', file));
});

afterAll(async () => {
  vi.restoreAllMocks();
  await hostedApp().close();
  rmSync(root, { recursive: true, force: true });
});

async function call(name: string, method: string, path: string, headers: Record<string, string>) {
  const options = registered.get(name);
  if (!options) throw new Error(`${name} was not registered with app.http`);
  const request = new HttpRequest({ method, url: `http://localhost/api/${path}`, headers });
  const context = new InvocationContext({ functionName: name, logHandler: () => undefined });
  const result = await options.handler(request, context);
  const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? {});
  return { status: response.status, json: (await response.json()) as { success: boolean; data?: Record<string, unknown> } };
}

describe('the production composition, as functions/ register it', () => {
  it('answers GET /v1/sync/status with an admin key: 200 with the run history, not 503', async () => {
    const answer = await call('sync-status', 'GET', 'v1/sync/status', { 'x-api-key': adminKey });
    expect(answer.status).toBe(200);
    expect(answer.json.success).toBe(true);
    expect(answer.json.data).toMatchObject({ runs: [], checkpoints: [], lastSuccessAt: null });
    // The first invocation creates and migrates a fresh PGlite directory (initdb), slow on a busy machine.
  }, 300_000);

  it('still refuses sync/status without credentials', async () => {
    expect((await call('sync-status', 'GET', 'v1/sync/status', {})).status).toBe(401);
  });
});
