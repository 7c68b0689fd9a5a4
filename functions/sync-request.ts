import type { InvocationContext } from '@azure/functions';
import { z } from 'zod';
import type { PortalApp } from '../shared/composition/create-app';
import { registerTrigger } from '../shared/composition/app-routes';
import { hostedApp } from '../shared/composition/hosted-app';
import { syncQueueMaxDequeueCount, syncQueueName } from '../shared/queue/sync-queue-name';
import { formatSummaryLine } from '../shared/sync/summary-table';

const message = z.object({ requestId: z.uuid() });

/**
 * Runs a manual sync request from the `sync-requests` queue, under the same sync lock as the timer.
 * While it runs, the host keeps the message invisible; if the process dies, the message comes back
 * (after the host's fixed 10-minute visibility) and the next attempt resumes from the checkpoint.
 * A lock held by another run throws, so the host delivers it again after host.json's
 * visibilityTimeout; a malformed message, or one whose request id was never issued, is logged and
 * dropped, since no retry could fix it.
 */
export function createSyncRequestHandler(portal: () => Pick<PortalApp, 'syncRequests' | 'redactor'>) {
  return async function syncRequest(queueItem: unknown, context: InvocationContext): Promise<void> {
    const parsed = message.safeParse(queueItem);
    if (!parsed.success) {
      context.error(`sync-request: dropped a malformed message: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const dequeueCount = Number(context.triggerMetadata?.dequeueCount ?? 1);
    const { syncRequests, redactor } = portal();
    const outcome = await syncRequests.process(parsed.data.requestId, { dequeueCount, maxDequeueCount: syncQueueMaxDequeueCount });
    if (outcome.status === 'never-issued') {
      context.error(`sync-request ${parsed.data.requestId}: dropped: no sync request with this id was ever issued (POST /sync/run records each one first)`);
    } else if (outcome.status === 'already-finished') context.log(`sync-request ${parsed.data.requestId}: already finished; nothing to do`);
    else if (outcome.status === 'abandoned') context.error(`sync-request ${parsed.data.requestId}: ${outcome.reason}`);
    else if (outcome.status !== 'already-running') {
      const line = redactor.text(formatSummaryLine(outcome));
      if (outcome.status === 'failed') context.error(line);
      else context.log(line);
    }
  };
}

registerTrigger((host) =>
  host.storageQueue('sync-request', {
    queueName: syncQueueName,
    connection: 'AzureWebJobsStorage',
    handler: createSyncRequestHandler(hostedApp),
  }),
);
