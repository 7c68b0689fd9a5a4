import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadFunctionRoutes } from '../../shared/dev-host/load-functions';
import { FakeIngestion } from '../shared/telemetry/fake-ingestion';
import { telemetryNames } from '../../shared/telemetry/telemetry';
import { appRoot, buildApp, prepareDatabases, workerDirectory, workerEnvironment } from './worker-app';
import { redeliveryCase, type TriggerContext } from './worker-trigger-cases';
import { WorkerHost, type Message } from './worker-host';
import { WorkerQueue } from './worker-queue';
import { invokeHttp } from './worker-http';
import { timerTick, WorkerSession } from './worker-session';

/** The non-HTTP functions and the trigger bindings the worker must index for them. */
const triggerBindings: Record<string, Message> = {
  erpSync: { type: 'timerTrigger', schedule: '%SYNC_SCHEDULE%' },
  'customer-link-sync': { type: 'timerTrigger', schedule: '%LINK_SYNC_SCHEDULE%' },
  'catalog-sync': { type: 'timerTrigger', schedule: '%CATALOG_SYNC_SCHEDULE%' },
  'sync-request': { type: 'queueTrigger', queueName: 'sync-requests', connection: 'AzureWebJobsStorage' },
};

const directory = workerDirectory();
const bcCustomerId = 7001;

// Opt-in: skipped (and named so in the report) unless FUNCTIONS_NODE_WORKER_DIR names the worker's folder.
describe.skipIf(!directory)('the app in Microsoft’s Node.js worker (runs only with FUNCTIONS_NODE_WORKER_DIR), production settings', () => {
  const workerDir = directory as string;
  const scratch = mkdtempSync(join(tmpdir(), 'worker-suite-'));
  const ingestion = new FakeIngestion();
  let host: WorkerHost;
  let session: WorkerSession;
  let init: Message;
  let loads: Map<string, Message>;
  let context: TriggerContext;
  let queue: WorkerQueue;

  beforeAll(async () => {
    buildApp();
    queue = await WorkerQueue.start(appRoot);
    const applicationInsights = await ingestion.start();
    await prepareDatabases(scratch, inject('pgliteTemplates'), bcCustomerId);
    host = await WorkerHost.start({
      workerDirectory: workerDir,
      appDirectory: appRoot,
      environment: workerEnvironment(scratch, queue.connection, applicationInsights),
    });
    session = new WorkerSession(host, appRoot, workerDir);
    init = await session.initialize();
    await session.index();
    loads = await session.loadAll();
    context = { http: (name, call) => invokeHttp(session, name, call), queue };
  });

  afterAll(async () => {
    const exitCode = host ? await host.terminate() : 0;
    await ingestion.stop();
    await queue?.stop();
    rmSync(scratch, { recursive: true, force: true });
    expect(exitCode, 'the worker exits cleanly on WorkerTerminate').toBe(0);
  });

  describe('start-up, indexing and loading', () => {
    it('initializes on this Node.js version', () => {
      expect(init.result.status, host.output).toBe('Success');
      expect(init.workerMetadata.runtimeVersion).toBe(process.versions.node);
    });

    it('indexes exactly the app’s route table: names, routes, methods and anonymous authLevel', async () => {
      const routes = await loadFunctionRoutes();
      const indexedHttp = [...session.functions.values()]
        .map((fn) => ({ name: fn.name, trigger: fn.bindings.find((b) => b.type === 'httpTrigger') }))
        .filter((fn) => fn.trigger)
        .map(({ name, trigger }) => ({ name, route: trigger?.route, methods: [...(trigger?.methods ?? [])].sort(), authLevel: trigger?.authLevel }));
      const expected = routes.map((r) => ({ name: r.name, route: r.route, methods: [...r.methods].sort(), authLevel: 'anonymous' }));
      expect(sortByName(indexedHttp)).toEqual(sortByName(expected));
    });

    it('indexes the non-HTTP functions with their trigger bindings', () => {
      const others = [...session.functions.values()].filter((fn) => !fn.bindings.some((b) => b.type === 'httpTrigger'));
      expect(others.map((fn) => fn.name).sort()).toEqual(Object.keys(triggerBindings).sort());
      for (const [name, binding] of Object.entries(triggerBindings)) {
        expect(session.indexed(name).bindings.find((b) => b.direction === 'in'), name).toMatchObject(binding);
      }
    });

    it('every %SETTING% in binding metadata is in local.settings.sample.json', () => {
      const sample = JSON.parse(readFileSync(join(appRoot, 'local.settings.sample.json'), 'utf8')) as { Values: Record<string, string> };
      const referenced = [...session.functions.values()].flatMap((fn) => fn.metadata.rawBindings as string[]).flatMap((raw) => [...raw.matchAll(/%([A-Za-z0-9_]+)%/g)].map((m) => m[1] as string));
      expect(referenced.length).toBeGreaterThan(0);
      for (const setting of new Set(referenced)) expect(Object.keys(sample.Values), setting).toContain(setting);
    });

    it('loads every indexed function', () => {
      expect(loads.size).toBe(session.functions.size);
      for (const [name, result] of loads) expect(result.status, `${name}: ${result.exception?.message ?? ''}`).toBe('Success');
    });
  });

  // HTTP operations, timers and the first queue delivery run through the real Functions host in
  // tests/host; this suite keeps what that one cannot show in CI time or at all.
  describe('a queue redelivery after the process died', () => {
    it(redeliveryCase.title, async () => {
      const delivery = await redeliveryCase.deliver(context);
      const { response, logs } = await session.invoke(redeliveryCase.function, delivery.input, delivery.triggerMetadata);
      expect(response.result.status, `${response.result.exception?.message ?? ''}\n${logs.map((l) => String(l.message)).join('\n')}`).toBe('Success');
      await redeliveryCase.verify({ ...context, delivery });
    });
  });

  describe('telemetry', () => {
    it('the timer’s ErpSyncRun event reaches Application Insights with the invocation’s operation id', async () => {
      const { traceId, response } = await session.invoke('erpSync', timerTick);
      expect(response.result.status).toBe('Success');
      // The worker's distro exports in the background (every few seconds): wait for it, generously.
      const deadline = Date.now() + 120_000;
      const ofRun = () => ingestion.ofType('EventData').filter((e) => e.tags['ai.operation.id'] === traceId);
      while (ofRun().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(ofRun().map((e) => e.data.baseData.name), host.output).toContain(telemetryNames.events.syncRun);
    });
  });
});

function sortByName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}
