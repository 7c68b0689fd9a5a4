import './helpers/record-routes-only';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvocationContext } from '@azure/functions';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteProcess } from '../../scripts/lib/azurite-process';
import { freePort } from '../../scripts/lib/free-port';
import { createSyncRequestHandler } from '../../functions/sync-request';
import { syncRun } from '../../functions/sync-run';
import { syncStatus } from '../../functions/sync-status';
import type { PortalApp } from '../../shared/composition/create-app';
import { httpHandler } from '../../shared/http/endpoint';
import { syncQueueName } from '../../shared/queue/sync-queue-name';
import type { MirrorSink, SyncLock } from '../../shared/sync/sync-ports';
import { createTestErp, createTestMirror } from '../helpers/databases';
import { expectMirrorEqualsErp, seedErp, type Erp, type Mirror } from '../shared/sync/sync-fixtures';
import { syncApp } from '../shared/sync/sync-harness';
import { adminKey, invoke, testEnvironment } from './helpers/invoke';

/**
 * Manual sync through a real Storage queue (Azurite from node_modules). The test plays the Functions
 * host's side: it receives the message with a visibility timeout, decodes it as the trigger does
 * (base64 JSON), calls the queue function and deletes the message only when the call returned.
 */
// Azurite's documented development account and key (the same ones UseDevelopmentStorage=true means).
const devAccount = 'devstoreaccount1';
const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

let azurite: AzuriteProcess;
let location: string;
let connection: string;
let erp: Erp;

beforeAll(async () => {
  location = mkdtempSync(join(tmpdir(), 'azurite-queue-'));
  const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
  azurite = await startAzurite(join(__dirname, '..', '..'), location, ports);
  connection = `DefaultEndpointsProtocol=http;AccountName=${devAccount};AccountKey=${devKey};QueueEndpoint=http://127.0.0.1:${ports.queue}/${devAccount};`;
  erp = await createTestErp();
  await seedErp(erp);
});

afterAll(async () => {
  await erp?.close();
  await azurite?.stop();
  rmSync(location, { recursive: true, force: true });
});

const queue = () => new QueueClient(connection, syncQueueName);

function syncAppWith(mirror: Mirror, wrap: { sink?: (s: MirrorSink) => MirrorSink; lock?: (l: SyncLock) => SyncLock }): PortalApp {
  return syncApp(erp, mirror, { wrap, env: { ...testEnvironment, AzureWebJobsStorage: connection } });
}

/** One delivery as the host makes it; resolves with the message it handed over. */
async function receive(visibilityTimeout: number) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const [message] = (await queue().receiveMessages({ numberOfMessages: 1, visibilityTimeout })).receivedMessageItems;
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no message arrived on the queue');
}

function deliver(app: PortalApp, body: string, dequeueCount: number) {
  const context = new InvocationContext({ functionName: 'sync-request', triggerMetadata: { dequeueCount }, logHandler: () => undefined });
  return createSyncRequestHandler(() => app)(JSON.parse(Buffer.from(body, 'base64').toString('utf8')), context);
}

const post = (app: PortalApp) =>
  invoke(httpHandler(syncRun, () => app.api), 'v1/sync/run', { method: 'POST', headers: { 'x-api-key': adminKey } });
const status = async (app: PortalApp) =>
  (await invoke(httpHandler(syncStatus, () => app.api), 'v1/sync/status', { headers: { 'x-api-key': adminKey } })).json.data;

describe('POST /sync/run through the sync-requests queue (Azurite)', () => {
  it('enqueues and answers 202 with the id; the queue function runs it; status shows queued then succeeded', async () => {
    const mirror = await createTestMirror();
    try {
      const app = syncAppWith(mirror, {});
      const answer = await post(app);
      expect(answer.status).toBe(202);
      const { requestId } = answer.json.data as { requestId: string };
      expect((await status(app)).runs).toEqual([expect.objectContaining({ runId: requestId, status: 'queued', trigger: 'api' })]);

      const message = await receive(30);
      expect(JSON.parse(Buffer.from(message.messageText, 'base64').toString('utf8'))).toEqual({ requestId });
      await deliver(app, message.messageText, message.dequeueCount);
      await queue().deleteMessage(message.messageId, message.popReceipt);

      expect((await status(app)).runs).toEqual([expect.objectContaining({ runId: requestId, status: 'succeeded', trigger: 'api' })]);
      await expectMirrorEqualsErp(mirror, erp);
      expect((await queue().peekMessages()).peekedMessageItems).toEqual([]);
    } finally {
      await mirror.close();
    }
  });

  it('a killed run leaves the message to come back; the next attempt resumes from the checkpoint', async () => {
    const mirror = await createTestMirror();
    try {
      let reached: () => void = () => undefined;
      const firstBatchCommitted = new Promise<void>((resolve) => (reached = resolve));
      let calls = 0;
      // The killed process: its second batch never returns, and its lock died with it.
      const frozen = (sink: MirrorSink): MirrorSink => ({
        loadCheckpoints: () => sink.loadCheckpoints(),
    readHashes: (...args) => sink.readHashes(...args),
        readDigest: (...args) => sink.readDigest(...args),
        presentParents: (...args) => sink.presentParents(...args),
        purgeWindow: (...args) => sink.purgeWindow(...args),
        refreshStatistics: (...args) => sink.refreshStatistics(...args),
        applyBatch: async (entity, batch) => {
          if (++calls === 2) {
            reached();
            return new Promise(() => undefined);
          }
          return sink.applyBatch(entity, batch);
        },
      });
      const noLock = (): SyncLock => ({ runExclusive: async (work) => ({ acquired: true, value: await work() }) });
      const killed = syncAppWith(mirror, { sink: frozen, lock: noLock });
      const { requestId } = (await post(killed)).json.data as { requestId: string };

      const first = await receive(2);
      expect(first.dequeueCount).toBe(1);
      void deliver(killed, first.messageText, first.dequeueCount);
      await firstBatchCommitted;
      expect((await status(killed)).runs).toEqual([expect.objectContaining({ runId: requestId, status: 'running' })]);

      // Never deleted: once its visibility timeout passes, the queue hands the same request out again.
      const again = await receive(30);
      expect(again.messageId).toBe(first.messageId);
      expect(again.dequeueCount).toBe(2);
      const next = syncAppWith(mirror, {});
      await deliver(next, again.messageText, again.dequeueCount);
      await queue().deleteMessage(again.messageId, again.popReceipt);

      const [run] = (await status(next)).runs as { runId: string; status: string; entities: { entity: string; read: number }[] }[];
      expect(run).toMatchObject({ runId: requestId, status: 'succeeded' });
      // 8 customers in batches of 4: the first batch was committed with its checkpoint, so only 4 are read again.
      expect(run?.entities.find((e) => e.entity === 'customers')?.read).toBe(4);
      await expectMirrorEqualsErp(mirror, erp);
    } finally {
      await mirror.close();
    }
  });

  it('counts the messages the host parked in sync-requests-poison, none before it exists', async () => {
    const mirror = await createTestMirror();
    try {
      const app = syncAppWith(mirror, {});
      expect(await app.checkSyncRequestsPoison()).toBe(0);
      // As the queue trigger parks a message: a copy on `<queue>-poison`, which it creates if needed.
      const poison = new QueueClient(connection, `${syncQueueName}-poison`);
      await poison.createIfNotExists();
      await poison.sendMessage(Buffer.from(JSON.stringify({ requestId: crypto.randomUUID() })).toString('base64'));
      expect(await app.checkSyncRequestsPoison()).toBe(1);
      await poison.delete();
    } finally {
      await mirror.close();
    }
  });
});
