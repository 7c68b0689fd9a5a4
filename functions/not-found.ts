import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { notFound } from '../shared/http/api-error';
import { operations } from '../shared/http/operations';

/** Lowest-precedence catch-all (literal and parameter routes win): unknown paths get the envelope. */
export const notFoundHandler = endpoint(operations.notFound, async () => {
  throw notFound('Resource');
});

registerHttpRoute('not-found', {
  route: 'v1/{*rest}',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: notFoundHandler,
});
