import { z } from 'zod';
import { allOperations, type Operation } from './operations';

type JsonSchema = Record<string, unknown>;

/** JSON Schema of one side of a zod schema, without the `$schema` header (it sits inside OpenAPI). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json: JsonSchema = { ...z.toJSONSchema(schema, { io, unrepresentable: 'any' }) };
  delete json.$schema;
  return json;
}
const inputSchema = (schema: z.ZodType) => jsonSchema(schema, 'input');
const outputSchema = (schema: z.ZodType) => jsonSchema(schema, 'output');

function parameters(schema: z.ZodType | undefined, location: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name) ? true : undefined,
      description,
      schema: rest,
    };
  });
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operationObject(operation: Operation): JsonSchema {
  const envelope = operation.data
    ? { type: 'object', required: ['success', 'data'], properties: { success: { const: true }, data: outputSchema(operation.data) } }
    : { type: 'object' };
  const content: JsonSchema = operation.file
    ? { [operation.file]: { schema: { type: 'string', format: 'binary' } } }
    : { 'application/json': { schema: envelope } };
  if (operation.listKey) content['text/csv'] = { schema: { type: 'string' } };
  const secured = operation.access !== 'public';
  return {
    operationId: operation.name,
    summary: operation.summary,
    security: operation.access === 'admin' ? [{ apiKey: [] }] : secured ? [{ apiKey: [] }, { storefrontJwt: [] }] : [],
    parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
    responses: {
      '200': { description: operation.file ? 'The document, as an attachment.' : 'Success envelope.', content },
      ...(operation.data && operation.methods.includes('GET') ? { '304': { description: 'Not modified (If-None-Match).' } } : {}),
      '400': errorResponse('VALIDATION_FAILED: the message names the parameter.'),
      ...(secured ? { '401': errorResponse('UNAUTHORIZED'), '403': errorResponse('FORBIDDEN') } : {}),
      '404': errorResponse('NOT_FOUND: unknown, or belonging to another customer.'),
      '429': errorResponse('RATE_LIMITED, with Retry-After.'),
      '500': errorResponse('INTERNAL, with a reference id.'),
    },
  };
}

/** OpenAPI 3.1 document generated from the operation list and the zod schemas that validate requests. */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of allOperations) {
    if (operation.route.includes('{*')) continue;
    const path = `/${operation.route}`;
    paths[path] ??= {};
    for (const method of operation.methods) paths[path][method.toLowerCase()] = operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ERP customer portal API',
      version: '1.0.0',
      description:
        'Read-only ERP orders, shipments, invoices and quotes for BigCommerce buyers. Strings are trimmed of CHAR padding, ' +
        'dates are ISO 8601, money is a decimal string, status codes carry labels (O Open, C Complete, V Void). ' +
        'Lists accept Accept: text/csv or format=csv.',
    },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        storefrontJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'BigCommerce current-customer JWT' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['success', 'error'],
          properties: {
            success: { const: false },
            error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
    paths,
  };
}
