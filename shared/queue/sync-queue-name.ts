/** The Storage queue of manual sync requests; the queue trigger and the sender both use it. */
export const syncQueueName = 'sync-requests';

/**
 * host.json `extensions.queues.maxDequeueCount`: the attempt after which the host moves a message
 * to `sync-requests-poison`. The request service gives up (and says so in sync_run) on that attempt
 * rather than leave a request 'queued' forever; a test keeps the two equal.
 */
export const syncQueueMaxDequeueCount = 5;
