import type { Settings } from '../config';
import { InProcessSyncQueue } from '../queue/in-process-sync-queue';
import { StorageSyncQueue, type StorageQueueTarget } from '../queue/storage-sync-queue';
import { syncQueueMaxDequeueCount, syncQueueName } from '../queue/sync-queue-name';
import type { SyncRequestQueue, SyncRequests } from '../sync/sync-requests';

/** Where AzureWebJobsStorage's queue service is, the way the Functions host reads the same settings. */
export function storageQueueTarget(settings: Settings): StorageQueueTarget | undefined {
  if (settings.AzureWebJobsStorage) return { kind: 'connection-string', connectionString: settings.AzureWebJobsStorage };
  const account = settings.AzureWebJobsStorage__accountName;
  const queueServiceUri = settings.AzureWebJobsStorage__queueServiceUri ?? (account ? `https://${account}.queue.core.windows.net` : undefined);
  return queueServiceUri ? { kind: 'identity', queueServiceUri, clientId: settings.AZURE_CLIENT_ID } : undefined;
}

/** Delay before the in-process queue retries a request the lock refused; host.json's visibilityTimeout in Azure. */
const inProcessRetryMs = 4 * 60_000;

/** The sync request queue of createApp: Storage where AzureWebJobsStorage is set, otherwise in-process. */
export function buildSyncQueue(
  settings: Settings,
  requests: () => SyncRequests,
  log: (line: string) => void,
): { readonly queue: SyncRequestQueue; close(): Promise<void> } {
  const target = storageQueueTarget(settings);
  if (target) return { queue: new StorageSyncQueue(target, syncQueueName), close: async () => undefined };
  const queue = new InProcessSyncQueue({
    consume: ({ requestId }, dequeueCount) =>
      requests().process(requestId, { dequeueCount, maxDequeueCount: syncQueueMaxDequeueCount }),
    maxDequeueCount: syncQueueMaxDequeueCount,
    retryDelayMs: inProcessRetryMs,
    onError: (error, { requestId }) => log(`sync request ${requestId} failed: ${String(error)}`),
  });
  return { queue, close: () => queue.close() };
}
