import { endpoint } from '../shared/composition/api-composition';
import { operations } from '../shared/http/operations';
import { registerHttpRoute } from '../shared/http/route-table';
import { syncControlOf } from '../shared/portal/sync-commands';

export const syncStatus = endpoint(operations.syncStatus, async ({ api }) => ({
  kind: 'data',
  data: await syncControlOf(api.syncControl).status(),
}));

registerHttpRoute(operations.syncStatus, syncStatus);
