import { endpoint } from '../shared/composition/api-composition';
import { operations } from '../shared/http/operations';
import { registerHttpRoute } from '../shared/http/route-table';

/**
 * The platform health check (`healthCheckPath`) recycles instances that fail it. A mirror outage is
 * not an instance fault, so this answers without touching any database; `/v1/health` reports the mirror.
 */
export const healthLive = endpoint(operations.healthLive, async () => ({ kind: 'data', data: { status: 'alive' } }));

registerHttpRoute(operations.healthLive, healthLive);
