import { endpoint } from '../shared/composition/api-composition';
import { operations } from '../shared/http/operations';
import { registerHttpRoute } from '../shared/http/route-table';
import { startSyncRun, syncControlOf } from '../shared/portal/sync-commands';

export const syncRun = endpoint(operations.syncRun, async ({ context, api }) => {
  const outcome = await startSyncRun(syncControlOf(api.syncControl), (error) =>
    context.error(`Sync run started by invocation ${context.invocationId} failed`, error),
  );
  return { kind: 'data', data: outcome.result, status: outcome.finished ? 200 : 202 };
});

registerHttpRoute(operations.syncRun, syncRun);
