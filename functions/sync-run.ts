import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { operations } from '../shared/http/operations';

/**
 * Queues a manual sync and answers 202 with the request id at once: the run happens in the queue
 * trigger (functions/sync-request.ts), never in work this invocation would leave behind.
 */
export const syncRun = endpoint(operations.syncRun, async ({ api }) => ({
  kind: 'data',
  data: await api.syncControl.request(),
  status: 202,
}));

registerHttpRoute('sync-run', { route: 'v1/sync/run', methods: ['POST', 'OPTIONS'], authLevel: 'anonymous', handler: syncRun });
