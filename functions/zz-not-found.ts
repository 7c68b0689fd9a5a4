import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { notFound } from '../shared/http/api-error';
import { operations } from '../shared/http/operations';

/**
 * Unknown paths under /api/v1 get the error envelope. The Functions host tries routes in the order
 * of function names, first match wins, so this catch-all is named to sort after every other function:
 * named `not-found`, it answered every route of a function whose name sorts after it.
 */
export const notFoundHandler = endpoint(operations.notFound, async () => {
  throw notFound('Resource');
});

registerHttpRoute('zz-not-found', {
  route: 'v1/{*rest}',
  methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: notFoundHandler,
});
