import { endpoint } from '../shared/composition/api-composition';
import { operations } from '../shared/http/operations';
import { registerHttpRoute } from '../shared/http/route-table';
import { checkHealth } from '../shared/portal/health-service';

export const healthGet = endpoint(operations.health, async ({ context, api }) => {
  const report = await checkHealth(api.portal, (error) =>
    context.error(`Health check could not reach the mirror (invocation ${context.invocationId})`, error),
  );
  return { kind: 'data', data: report, status: report.mirror === 'reachable' ? 200 : 503 };
});

registerHttpRoute(operations.health, healthGet);
