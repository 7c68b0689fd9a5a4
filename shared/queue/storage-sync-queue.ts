import { DefaultAzureCredential } from '@azure/identity';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import type { SyncRequestMessage, SyncRequestQueue } from '../sync/sync-requests';

/** Where AzureWebJobsStorage points: a connection string (Azurite, keys) or an identity-based endpoint. */
export type StorageQueueTarget =
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  | { readonly kind: 'identity'; readonly queueServiceUri: string; readonly clientId: string | undefined };

function queueClient(target: StorageQueueTarget, queueName: string): QueueClient {
  if (target.kind === 'connection-string') return new QueueClient(target.connectionString, queueName);
  const credential = new DefaultAzureCredential(target.clientId ? { managedIdentityClientId: target.clientId } : {});
  return new QueueServiceClient(target.queueServiceUri, credential).getQueueClient(queueName);
}

/**
 * Manual sync requests on an Azure Storage queue. The body is base64 JSON: the Functions queue
 * trigger's default `messageEncoding` (host.json) is base64, and a plain-text body would fail to
 * decode there.
 */
export class StorageSyncQueue implements SyncRequestQueue {
  readonly #client: QueueClient;
  readonly #poison: QueueClient;
  #created: Promise<unknown> | undefined;

  constructor(target: StorageQueueTarget, queueName: string) {
    this.#client = queueClient(target, queueName);
    // The queue trigger's naming: `<queue>-poison`, created by the host when it parks the first message.
    this.#poison = queueClient(target, `${queueName}-poison`);
  }

  /** The poison queue's approximate message count (Get Queue Metadata); no poison queue yet is none. */
  async poisonMessageCount(): Promise<number> {
    try {
      return (await this.#poison.getProperties()).approximateMessagesCount ?? 0;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return 0;
      throw error;
    }
  }

  async send(message: SyncRequestMessage): Promise<void> {
    // Bicep creates the queue in Azure; Azurite and a fresh account need it created once.
    this.#created ??= this.#client.createIfNotExists().catch((error: unknown) => {
      this.#created = undefined;
      throw error;
    });
    await this.#created;
    await this.#client.sendMessage(Buffer.from(JSON.stringify(message)).toString('base64'));
  }
}
