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
  #created: Promise<unknown> | undefined;

  constructor(target: StorageQueueTarget, queueName: string) {
    this.#client = queueClient(target, queueName);
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
