import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadFunctionRoutes } from '../../shared/dev-host/load-functions';
import { FakeBigCommerce } from '../shared/bigcommerce/fake-bigcommerce';
import { FakeIngestion } from '../shared/telemetry/fake-ingestion';
import { telemetryNames } from '../../shared/telemetry/telemetry';
import { appRoot, buildApp, credentials, prepareDatabases, workerDirectory, workerEnvironment, type MirrorFacts } from './worker-app';
import { httpCases, type HttpCase, type SuiteContext } from './worker-http-cases';
import { newlyLinkedBcId, triggerCases } from './worker-trigger-cases';
import { WorkerHost, type Message } from './worker-host';
import { WorkerQueue } from './worker-queue';
import { invokeHttp } from './worker-http';
import { timerTick, WorkerSession } from './worker-session';

const directory = workerDirectory();
const bcCustomerId = 7001;

// Opt-in: skipped (and named so in the report) unless FUNCTIONS_NODE_WORKER_DIR names the worker's folder.
describe.skipIf(!directory)('the app in Microsoft’s Node.js worker (runs only with FUNCTIONS_NODE_WORKER_DIR), production settings', () => {
  const workerDir = directory as string;
  const scratch = mkdtempSync(join(tmpdir(), 'worker-suite-'));
  const bigCommerce = new FakeBigCommerce(credentials.storeHash, credentials.bcApiToken);
  const ingestion = new FakeIngestion();
  let host: WorkerHost;
  let session: WorkerSession;
  let init: Message;
  let loads: Map<string, Message>;
  let facts: MirrorFacts;
  let context: SuiteContext;
  let queue: WorkerQueue;

  beforeAll(async () => {
    buildApp();
    queue = await WorkerQueue.start(appRoot);
    const origin = await bigCommerce.start();
    const applicationInsights = await ingestion.start();
    facts = await prepareDatabases(scratch, inject('pgliteTemplates'), bcCustomerId);
    bigCommerce.attributes = [{ id: 3, name: 'erp_customer_number' }];
    bigCommerce.values = [
      { attribute_id: 3, customer_id: bcCustomerId, attribute_value: facts.custNo },
      { attribute_id: 3, customer_id: newlyLinkedBcId, attribute_value: facts.custNo },
      { attribute_id: 3, customer_id: newlyLinkedBcId + 1, attribute_value: 'NOT-AN-ERP-NUMBER' },
    ];
    host = await WorkerHost.start({
      workerDirectory: workerDir,
      appDirectory: appRoot,
      environment: workerEnvironment(scratch, origin, queue.connection, applicationInsights),
      nodeArguments: ['--require', join(__dirname, 'bigcommerce-origin.cjs')],
    });
    session = new WorkerSession(host, appRoot, workerDir);
    init = await session.initialize();
    await session.index();
    loads = await session.loadAll();
    context = { session, facts, http: (name, call) => invokeHttp(session, name, call), bigCommerce, queue };
  });

  afterAll(async () => {
    const exitCode = host ? await host.terminate() : 0;
    await bigCommerce.stop();
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

    it('indexes one trigger case per non-HTTP function, each with its binding (tests below run them all)', () => {
      const others = [...session.functions.values()].filter((fn) => !fn.bindings.some((b) => b.type === 'httpTrigger'));
      expect(others.map((fn) => fn.name).sort()).toEqual([...new Set(triggerCases.map((c) => c.function))].sort());
      for (const triggerCase of triggerCases) {
        const trigger = session.indexed(triggerCase.function).bindings.find((b) => b.direction === 'in');
        expect(trigger, triggerCase.function).toMatchObject(triggerCase.binding);
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

  describe('every HTTP operation answers through the worker', () => {
    it('has at least one success and one refusal case for every HTTP function', () => {
      const httpFunctions = [...session.functions.values()].filter((fn) => fn.bindings.some((b) => b.type === 'httpTrigger')).map((fn) => fn.name);
      for (const name of httpFunctions) {
        expect(httpCases.filter((c) => c.function === name && c.kind === 'success').length, name).toBeGreaterThan(0);
        expect(httpCases.filter((c) => c.function === name && c.kind === 'refusal').length, name).toBeGreaterThan(0);
      }
    });

    it.each(httpCases.map((c): [string, HttpCase] => [`${c.function} ${c.kind}: ${c.title}`, c]))('%s', async (_title, httpCase) => {
      await httpCase.check(context);
    });
  });

  describe('non-HTTP triggers run through the worker and report success', () => {
    it.each(triggerCases.map((c) => [`${c.function}: ${c.title}`, c] as const))('%s', async (_name, triggerCase) => {
      const delivery = await triggerCase.deliver(context);
      const { response, logs } = await session.invoke(triggerCase.function, delivery.input, delivery.triggerMetadata);
      const messages = logs.map((l) => String(l.message)).join('\n');
      expect(response.result.status, `${response.result.exception?.message ?? ''}\n${messages}`).toBe('Success');
      await triggerCase.verify({ ...context, logs: messages, delivery });
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
