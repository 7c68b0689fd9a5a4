import { endpoint } from '../shared/composition/api-composition';
import { openApiDocument } from '../shared/http/openapi';
import { operations } from '../shared/http/operations';
import { registerHttpRoute } from '../shared/http/route-table';

let document: string | undefined;

export const openapiGet = endpoint(operations.openapi, async () => {
  document ??= JSON.stringify(openApiDocument());
  return { kind: 'document', body: document };
});

registerHttpRoute(operations.openapi, openapiGet);
