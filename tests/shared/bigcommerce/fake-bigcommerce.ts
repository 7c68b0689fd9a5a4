import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectionPage, variantBody, type VariantFacts } from '../../../shared/dev-host/bigcommerce-shapes';

export interface FakeAttribute {
  id: number;
  name: string;
}

/** A stored value; the fake adds the `id` and dates BigCommerce adds. */
export interface FakeAttributeValue {
  attribute_id: number;
  customer_id: number;
  attribute_value: string;
}

/** A catalog variant; the body adds the fields of the documented example (shared/dev-host/bigcommerce-shapes.ts). */
export type FakeVariant = VariantFacts;

export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** An answer given instead of the real one: an error status, or a 200 with a body of any shape. */
export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const created = '2021-07-28T19:00:38Z';

/**
 * Rate-limit headers as in BigCommerce's "API rate limits" page ("Standard plan example: Rate limit
 * headers"), with the reset the test chooses.
 */
export function rateLimited(resetMs: number): ScriptedAnswer {
  return {
    status: 429,
    headers: {
      'X-Rate-Limit-Time-Window-Ms': '30000',
      'X-Rate-Limit-Time-Reset-Ms': String(resetMs),
      'X-Rate-Limit-Requests-Quota': '150',
      'X-Rate-Limit-Requests-Left': '0',
    },
  };
}

/**
 * A local stand-in for BigCommerce's v3 customer attribute endpoints: real HTTP on 127.0.0.1,
 * server-side page size capping (as BigCommerce does), token check, and scripted answers. Every
 * body follows BigCommerce's Customers v3 reference (reference/customers.v3.yml in bigcommerce/docs);
 * each builder names the documented example it copies.
 */
export class FakeBigCommerce {
  readonly requests: RecordedRequest[] = [];
  attributes: FakeAttribute[] = [];
  values: FakeAttributeValue[] = [];
  variants: FakeVariant[] = [];
  /** Answers given, in order, before the next real answer for a path. */
  readonly scripted = new Map<string, ScriptedAnswer[]>();
  #server: Server | undefined;

  constructor(
    readonly storeHash: string,
    readonly token: string,
    readonly maxPageSize = 250,
  ) {}

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const prefix = `/stores/${this.storeHash}/v3`;
      const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
      this.requests.push({ path, query: url.searchParams, headers: req.headers });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      if (!url.pathname.startsWith(prefix)) return send(404, errorBody(404, 'Store not found'));
      if (req.headers['x-auth-token'] !== this.token) return send(401, errorBody(401, 'Unauthorized'));
      const answer = this.scripted.get(path)?.shift();
      if (answer) return send(answer.status, answer.body ?? errorBody(answer.status, 'Scripted failure'), answer.headers);
      if (path === '/customers/attributes') {
        const name = url.searchParams.get('name');
        return send(200, this.page(this.attributes.filter((a) => name === null || a.name === name).map(attributeBody), url.searchParams));
      }
      if (path === '/customers/attribute-values') {
        const ids = (url.searchParams.get('attribute_id:in') ?? '').split(',').filter(Boolean).map(Number);
        const rows = this.values.map(valueBody).filter((v) => ids.length === 0 || ids.includes(v.attribute_id));
        return send(200, this.page(rows, url.searchParams));
      }
      if (path === '/catalog/variants') return send(200, this.page(this.variants.map(variantBody), url.searchParams));
      return send(404, errorBody(404, 'Not found'));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  answerNext(path: string, ...answers: ScriptedAnswer[]): void {
    this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...answers]);
  }

  /** `meta.pagination` as the reference's `pagination_Full` schema and its example (see collectionPage). */
  private page<T>(rows: readonly T[], query: URLSearchParams) {
    return collectionPage(rows, query, this.maxPageSize);
  }
}

/** One item of the reference's `CustomerAttributesResponse` example: `{ id: 1, name: 'Age', type: 'string', date_created, date_modified }`. */
function attributeBody(attribute: FakeAttribute) {
  return { id: attribute.id, name: attribute.name, type: 'string', date_created: '2018-11-13T21:42:06Z', date_modified: '2018-11-14T16:46:23Z' };
}

/** The reference's `attribute_Full` example: `{ attribute_id: 2, attribute_value: 'Yes', customer_id: 1, date_created, date_modified, id: 2 }`. */
function valueBody(value: FakeAttributeValue, index: number) {
  return {
    attribute_id: value.attribute_id,
    attribute_value: value.attribute_value,
    customer_id: value.customer_id,
    date_created: created,
    date_modified: created,
    id: index + 1,
  };
}

/** The reference's `ErrorResponse` schema: `status`, `title`, `type`. */
function errorBody(status: number, title: string) {
  return { status, title, type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' };
}
