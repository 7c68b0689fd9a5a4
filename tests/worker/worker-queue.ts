import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueClient, type DequeuedMessageItem } from '@azure/storage-queue';
import { startAzurite, type AzuriteProcess } from '../../scripts/lib/azurite-process';
import { freePort } from '../../scripts/lib/free-port';
import { syncQueueName } from '../../shared/queue/sync-queue-name';
import type { Message } from './worker-host';
import type { TriggerInput } from './worker-session';

// Azurite's documented development account and key (the same ones UseDevelopmentStorage=true means).
const devAccount = 'devstoreaccount1';
const devKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** What the host hands the worker for one queue delivery: the input binding and its trigger metadata. */
export interface QueueDelivery {
  readonly message: DequeuedMessageItem;
  /** The message text as the trigger decodes it (host.json `messageEncoding: base64`). */
  readonly text: string;
  readonly input: TriggerInput;
  readonly triggerMetadata: Message;
}

/**
 * The Storage account the worker's AzureWebJobsStorage points at: Azurite from node_modules on free
 * ports, and the host's side of the queue binding (receive with a visibility timeout, delete after Success).
 */
export class WorkerQueue {
  private constructor(
    private readonly azurite: AzuriteProcess,
    private readonly location: string,
    /** The AzureWebJobsStorage connection string (QueueEndpoint= Azurite's queue service). */
    readonly connection: string,
  ) {}

  static async start(appRoot: string): Promise<WorkerQueue> {
    const location = mkdtempSync(join(tmpdir(), 'worker-azurite-'));
    const ports = { blob: await freePort(), queue: await freePort(), table: await freePort() };
    const azurite = await startAzurite(appRoot, location, ports);
    const connection = `DefaultEndpointsProtocol=http;AccountName=${devAccount};AccountKey=${devKey};QueueEndpoint=http://127.0.0.1:${ports.queue}/${devAccount};`;
    return new WorkerQueue(azurite, location, connection);
  }

  /** The `sync-requests` queue, as the app's StorageSyncQueue addresses it. */
  get client(): QueueClient {
    return new QueueClient(this.connection, syncQueueName);
  }

  /** One delivery as the host's queue listener makes it: the message stays invisible for `visibilityTimeout` seconds. */
  async receive(visibilityTimeout: number): Promise<QueueDelivery> {
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(200)) {
      const exists = await this.client.exists();
      const [message] = exists ? (await this.client.receiveMessages({ numberOfMessages: 1, visibilityTimeout })).receivedMessageItems : [];
      if (message) return delivery(message);
    }
    throw new Error(`No message became visible on ${syncQueueName} within 120 s`);
  }

  /** The visible messages' bodies, decoded as the trigger decodes them; none while the queue does not exist yet. */
  async peek(): Promise<unknown[]> {
    if (!(await this.client.exists())) return [];
    const peeked = (await this.client.peekMessages({ numberOfMessages: 32 })).peekedMessageItems;
    return peeked.map((m) => JSON.parse(decode(m.messageText)) as unknown);
  }

  /** What the host does once the invocation succeeded. */
  async complete(message: DequeuedMessageItem): Promise<void> {
    await this.client.deleteMessage(message.messageId, message.popReceipt);
  }

  async stop(): Promise<void> {
    await this.azurite.stop();
    rmSync(this.location, { recursive: true, force: true });
  }
}

/**
 * The queue trigger's input as the host sends it: the decoded text as `string` (the worker parses
 * JSON text itself), and DequeueCount and Id as trigger metadata, named as the host names them.
 */
function delivery(message: DequeuedMessageItem): QueueDelivery {
  const text = decode(message.messageText);
  return {
    message,
    text,
    input: () => ({ string: text }),
    triggerMetadata: {
      DequeueCount: { int: message.dequeueCount },
      Id: { string: message.messageId },
    },
  };
}

function decode(messageText: string): string {
  return Buffer.from(messageText, 'base64').toString('utf8');
}
