import { endpoint } from '../shared/composition/api-composition';
import { notFound } from '../shared/http/api-error';
import { operations } from '../shared/http/operations';
import { registerHttpRoute } from '../shared/http/route-table';

/** Lowest-precedence catch-all (literal and parameter routes win): unknown paths get the envelope. */
export const notFoundHandler = endpoint(operations.notFound, async () => {
  throw notFound('Resource');
});

registerHttpRoute(operations.notFound, notFoundHandler);
