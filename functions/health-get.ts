import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { operations } from '../shared/http/operations';
import { checkHealth } from '../shared/portal/health-service';

export const healthGet = endpoint(operations.health, async ({ context, api }) => {
  const report = await checkHealth(api.portal, (error) =>
    context.error(`Health check could not reach the mirror (invocation ${context.invocationId})`, error),
  );
  return { kind: 'data', data: report, status: report.mirror === 'reachable' ? 200 : 503 };
});

registerHttpRoute('health-get', { route: 'v1/health', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: healthGet });
