import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { operations } from '../shared/http/operations';
import { startSyncRun } from '../shared/portal/sync-commands';

export const syncRun = endpoint(operations.syncRun, async ({ context, api }) => {
  const outcome = await startSyncRun(api.syncControl, (error) =>
    context.error(`Sync run started by invocation ${context.invocationId} failed`, error),
  );
  return { kind: 'data', data: outcome.result, status: outcome.finished ? 200 : 202 };
});

registerHttpRoute(syncRun);
