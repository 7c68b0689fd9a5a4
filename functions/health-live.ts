import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { operations } from '../shared/http/operations';

/**
 * The platform health check (`healthCheckPath`) recycles instances that fail it. A mirror outage is
 * not an instance fault, so this answers without touching any database; `/v1/health` reports the mirror.
 */
export const healthLive = endpoint(operations.healthLive, async () => ({ kind: 'data', data: { status: 'alive' } }));

registerHttpRoute('health-live', { route: 'v1/health/live', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: healthLive });
