import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { openApiDocument } from '../shared/http/openapi';
import { operations } from '../shared/http/operations';

let document: string | undefined;

export const openapiGet = endpoint(operations.openapi, async () => {
  document ??= JSON.stringify(openApiDocument());
  return { kind: 'document', body: document };
});

registerHttpRoute('openapi-get', { route: 'v1/openapi.json', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: openapiGet });
