import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { reportFailure } from '../shared/http/failure-log';
import { operations } from '../shared/http/operations';
import { checkHealth } from '../shared/portal/health-service';

export const healthGet = endpoint(operations.health, async ({ context, api }) => {
  const report = await checkHealth(api.portal, {
    credentials: () => api.checkCredentials(),
    onError: (what, error) => reportFailure(`Health check: ${what} failed`, error, context, api),
  });
  return { kind: 'data', data: report, status: report.status === 'ok' ? 200 : 503 };
});

registerHttpRoute('health-get', { route: 'v1/health', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: healthGet });
