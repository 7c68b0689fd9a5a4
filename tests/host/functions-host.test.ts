import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAzurite, type AzuriteProcess } from '../../scripts/lib/azurite-process';
import { freePort } from '../../scripts/lib/free-port';
import { loadFunctionRoutes } from '../../shared/dev-host/load-functions';
import { inHostOrder } from '../../shared/dev-host/route-matcher';
import { syncQueueName } from '../../shared/queue/sync-queue-name';
import { customerToken, withKey, withToken } from '../functions/helpers/invoke';
import { FakeBigCommerce } from '../shared/bigcommerce/fake-bigcommerce';
import { appRoot, buildApp, credentials, workerDirectory } from '../worker/worker-app';
import { buildFunctionsHost, functionsHostDirectory, FunctionsHost, type HostBuild } from './functions-host';
import { hostJson, hostSettings, mirrorWalWrittenAt, never, prepareDatabases, stageApp, storageConnection } from './host-app';
import { requestThroughHost } from './host-http';
import { httpCases, type HttpCase, type SuiteContext } from './http-cases';
import { allowedHostLog } from './host-log-allowlist';

const hostDirectory = functionsHostDirectory(appRoot);
const bcCustomerId = 7001;
/** Linked to an ERP customer by the fake BigCommerce only, so only a customer-link sync can link it. */
const newlyLinkedBcId = 7002;
const admin = () => withKey(credentials.adminKey);
const artifacts = join(appRoot, '.artifacts', 'functions-host');

// Opt-in: skipped (and named so in the report) unless FUNCTIONS_HOST_DIR names the host's folder.
describe.skipIf(!hostDirectory)('the app in Microsoft’s Functions host (runs only with FUNCTIONS_HOST_DIR), production settings', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'host-suite-'));
  const scriptRoot = join(scratch, 'wwwroot');
  const bigCommerce = new FakeBigCommerce(credentials.storeHash, credentials.bcApiToken);
  const hosts: FunctionsHost[] = [];
  let build: HostBuild;
  let azurite: AzuriteProcess;
  let storage: string;
  let origin: string;
  let facts: Awaited<ReturnType<typeof prepareDatabases>>;
  let host: FunctionsHost;
  let context: SuiteContext;

  const start = async (label: string, schedules = { sync: never, link: never, catalog: never }) => {
    const settings = hostSettings({ directory: scratch, storage, bigCommerceOrigin: origin, nodeWorkerDirectory: workerDirectory() ?? '', schedules });
    host = await FunctionsHost.start({ hostDirectory: hostDirectory as string, build, scriptRoot, port: await freePort(), settings, logFile: join(artifacts, `${label}.log`) });
    hosts.push(host);
    context = { facts, bigCommerce, http: (name, call) => requestThroughHost(host, name, call) };
  };
  const status = async () => (await context.http('sync-status', { path: 'v1/sync/status', headers: admin() })).json.data;
  const requestSync = async (): Promise<string> => {
    const answer = await context.http('sync-run', { method: 'POST', path: 'v1/sync/run', headers: admin() });
    expect(answer.status, answer.body).toBe(202);
    return answer.json.data.requestId as string;
  };

  /**
   * Waits until the host has run and deleted every request the suite queued (the HTTP cases queue
   * one), leaving only the killed run's leased message, so that a stop does not cancel a delivery it
   * just took: the host would log that invocation as Failed.
   */
  const settle = async () => {
    const queue = new QueueClient(storage, syncQueueName);
    const count = (pattern: RegExp) => host.log.match(pattern)?.length ?? 0;
    await host.waitFor(
      async () =>
        (await queue.getProperties()).approximateMessagesCount === 1 &&
        count(/Executing 'Functions\.sync-request'/g) === count(/Executed 'Functions\.sync-request'/g),
      'the queued sync requests to finish',
      240_000,
    );
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    build = buildFunctionsHost(hostDirectory as string);
    buildApp();
    stageApp(appRoot, scriptRoot);
    const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
    azurite = await startAzurite(appRoot, join(scratch, 'azurite'), ports);
    storage = storageConnection(ports);
    origin = await bigCommerce.start();
    facts = await prepareDatabases(scratch, inject('pgliteTemplates'), bcCustomerId);
    bigCommerce.attributes = [{ id: 3, name: 'erp_customer_number' }];
    bigCommerce.values = [
      { attribute_id: 3, customer_id: bcCustomerId, attribute_value: facts.custNo },
      { attribute_id: 3, customer_id: newlyLinkedBcId, attribute_value: facts.custNo },
    ];
    await start('1-first-start');
  });

  afterAll(async () => {
    // Every host started, also those a failed test left running.
    for (const started of hosts) await started.stop();
    await bigCommerce.stop();
    await azurite?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  describe('start-up: indexing, routing and host.json', () => {
    it('indexes every function of the app', async () => {
      const found = /Found the following functions:\n((?:\s+Host\.Functions\.\S+\n)+)/.exec(host.log)?.[1] ?? '';
      const names = found.trim().split(/\s+/).map((line) => line.replace('Host.Functions.', ''));
      const routes = await loadFunctionRoutes();
      expect(names).toEqual(expect.arrayContaining(routes.map((r) => r.name)));
      expect(names.filter((n) => !routes.some((r) => r.name === n)).sort()).toEqual(['catalog-sync', 'customer-link-sync', 'erpSync', 'sync-request']);
    });

    it('maps the route table under the `api` prefix, in the order of function names', async () => {
      const mapped = [...host.log.matchAll(/Mapped function route '([^']+)' \[([^\]]+)\] to '([^']+)'/g)].map((m) => ({ name: m[3], route: m[1], methods: m[2] }));
      const expected = inHostOrder(await loadFunctionRoutes()).map((r) => ({ name: r.name, route: `api/${r.route}`, methods: r.methods.join(',') }));
      expect(mapped).toEqual(expected);
    });

    it('applies host.json: route prefix and queue options', () => {
      const { extensions } = hostJson(appRoot);
      expect(host.log).toMatch(new RegExp(`"RoutePrefix": "${extensions.http.routePrefix}"`));
      const queues = /QueuesOptions\n\s*(\{[^}]*\})/.exec(host.log)?.[1] as string;
      expect(JSON.parse(queues)).toMatchObject({
        BatchSize: extensions.queues.batchSize,
        NewBatchThreshold: extensions.queues.newBatchThreshold,
        MaxPollingInterval: extensions.queues.maxPollingInterval,
        MaxDequeueCount: extensions.queues.maxDequeueCount,
        VisibilityTimeout: extensions.queues.visibilityTimeout,
        MessageEncoding: 'Base64',
      });
    });
  });

  describe('a manual sync through the Storage queue, killed mid-run and resumed', () => {
    let killedRequest: string;

    it('POST /sync/run queues a request that the host delivers to sync-request; SIGKILL once it committed thirty batches', async () => {
      const from = host.log.length;
      killedRequest = await requestSync();
      await host.waitForLog(/Executing 'Functions\.sync-request' \(Reason='New queue message detected on 'sync-requests'\./, 'the queue trigger', 120_000, from);
      // Checked every 2 ms, each write time is about one commit; 30 of them are well inside the
      // customers pass (40 batches of 50), wherever the machine's speed puts them in time.
      const commits = new Set<number>([mirrorWalWrittenAt(scratch)]);
      await host.waitFor(() => commits.add(mirrorWalWrittenAt(scratch)).size > 30, 'thirty commits of the running sync', 240_000, 2);
      await host.kill();
      expect(host.log.slice(from), 'the run must not have finished before the kill').not.toMatch(/Executed 'Functions\.sync-request'/);
    });

    it('after a restart, the checkpoint shows the pass in progress; the next run resumes from it and the killed run is marked interrupted', async () => {
      await start('2-after-kill');
      const checkpoints = (await status()).checkpoints as { entity: string; pass: { after: unknown } | null }[];
      const inProgress = checkpoints.find((c) => c.pass?.after);
      expect(inProgress, JSON.stringify(checkpoints)).toBeDefined();
      const entity = inProgress?.entity as keyof typeof facts.erpRows;
      const from = host.log.length;
      const requestId = await requestSync();
      await host.waitForLog(/Executed 'Functions\.sync-request' \((\w+)/, 'the sync request to finish', 240_000, from);
      expect(host.log.slice(from)).toMatch(/Executed 'Functions\.sync-request' \(Succeeded/);
      const runs = (await status()).runs as { runId: string; status: string; error?: string | null; entities: { entity: string; read: number }[] }[];
      expect(runs.find((r) => r.runId === killedRequest)).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
      const resumed = runs.find((r) => r.runId === requestId);
      expect(resumed?.status).toBe('succeeded');
      const read = resumed?.entities.find((e) => e.entity === entity)?.read ?? Number.NaN;
      expect(read, `${entity} resumed after ${JSON.stringify(inProgress?.pass?.after)}`).toBeLessThan(facts.erpRows[entity]);
    });

    it('the killed delivery’s message stays leased (the host renews a 10-minute visibility), so it is not run twice at once', async () => {
      const queue = new QueueClient(storage, syncQueueName);
      // The host deletes a completed request's message just after it logs the execution.
      await host.waitFor(async () => (await queue.getProperties()).approximateMessagesCount === 1, 'one message left on the queue', 30_000);
      expect((await queue.peekMessages()).peekedMessageItems).toEqual([]);
    });
  });

  describe('every HTTP operation reaches its own function through the host', () => {
    it('has at least one success and one refusal case for every HTTP function', async () => {
      for (const { name } of await loadFunctionRoutes()) {
        expect(httpCases.filter((c) => c.function === name && c.kind === 'success').length, name).toBeGreaterThan(0);
        expect(httpCases.filter((c) => c.function === name && c.kind === 'refusal').length, name).toBeGreaterThan(0);
      }
    });

    it.each(httpCases.map((c): [string, HttpCase] => [`${c.function} ${c.kind}: ${c.title}`, c]))('%s', async (_title, httpCase) => {
      await httpCase.check(context);
    });

    it('answers a CORS preflight on a data route from the storefront’s origin', async () => {
      const answer = await context.http('orders-list', {
        method: 'OPTIONS',
        path: `v1/orders?customer=${facts.custNo}`,
        headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    });
  });

  describe('the three timers fire on their own schedule settings', () => {
    it('erpSync, customer-link-sync and catalog-sync each run and report success', async () => {
      const order = await context.http('order-get', { path: `v1/orders/${facts.orderNo}?customer=${facts.custNo}`, headers: withKey(credentials.apiKey) });
      const itemNo = (order.json.data.lines as { itemNo: string }[])[0]?.itemNo as string;
      bigCommerce.variants = [{ id: 77, productId: 7, sku: itemNo, purchasingDisabled: false }];
      await settle();
      await host.stop();
      await start('3-timers', { sync: '5,35 * * * * *', link: '15,45 * * * * *', catalog: '25,55 * * * * *' });
      const from = 0;
      for (const name of ['erpSync', 'customer-link-sync', 'catalog-sync']) {
        await host.waitForLog(new RegExp(`Executed 'Functions\\.${name}' \\((\\w+)`), `the ${name} timer`, 180_000, from);
        expect(host.executed(from, 'timer'), name).toContain(name);
      }
      expect(host.log.slice(from)).not.toMatch(/Executed 'Functions\.(erpSync|customer-link-sync|catalog-sync)' \(Failed/);

      expect((await status()).runs).toContainEqual(expect.objectContaining({ trigger: 'timer', status: 'succeeded' }));
      const me = await context.http('me-get', { path: 'v1/me', headers: withToken(await customerToken(newlyLinkedBcId)) });
      expect(me.json.data).toMatchObject({ erpId: facts.custNo, bcCustomerId: newlyLinkedBcId });
      const reordered = await context.http('order-get', { path: `v1/orders/${facts.orderNo}?customer=${facts.custNo}`, headers: withKey(credentials.apiKey) });
      expect(reordered.json.data.lines[0]).toMatchObject({ reorder: { productId: 7, variantId: 77 }, reorderReason: null });
    });
  });

  describe('the host’s log', () => {
    it('has no failed execution, and no warning or error outside the allowlist', async () => {
      expect(await host.stop(), 'the host exits cleanly on SIGTERM').toBe(0);
      for (const [i, run] of hosts.entries()) {
        expect(run.log, `host ${i + 1}`).not.toMatch(/Executed 'Functions\.[^']+' \(Failed/);
        const unexpected = run.entries().filter((e) => ['warn', 'fail', 'crit'].includes(e.level) && !allowedHostLog(e, i === 0 ? 'killed' : 'clean'));
        expect(unexpected, `host ${i + 1}`).toEqual([]);
      }
    });
  });
});
