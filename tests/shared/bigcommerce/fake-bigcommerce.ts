import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAttribute {
  id: number;
  name: string;
}

export interface FakeAttributeValue {
  attribute_id: number;
  customer_id: number;
  value: string;
}

export interface RecordedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface ScriptedFailure {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A local stand-in for the BigCommerce v3 customer attribute endpoints: real HTTP on 127.0.0.1,
 * server-side page size capping (as BigCommerce does), token check, and scripted failures.
 */
export class FakeBigCommerce {
  readonly requests: RecordedRequest[] = [];
  attributes: FakeAttribute[] = [];
  values: FakeAttributeValue[] = [];
  /** Failures answered, in order, before the next real answer for a path. */
  readonly failures = new Map<string, ScriptedFailure[]>();
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
      if (!url.pathname.startsWith(prefix)) return send(404, { status: 404, title: 'Store not found' });
      if (req.headers['x-auth-token'] !== this.token) return send(401, { status: 401, title: 'Unauthorized' });
      const failure = this.failures.get(path)?.shift();
      if (failure) return send(failure.status, { status: failure.status }, failure.headers);
      if (path === '/customers/attributes') {
        const name = url.searchParams.get('name');
        return send(200, this.page(this.attributes.filter((a) => name === null || a.name === name), url.searchParams));
      }
      if (path === '/customers/attribute-values') {
        const ids = (url.searchParams.get('attribute_id:in') ?? '').split(',').filter(Boolean).map(Number);
        const rows = this.values.filter((v) => ids.length === 0 || ids.includes(v.attribute_id));
        return send(200, this.page(rows, url.searchParams));
      }
      return send(404, { status: 404, title: 'Not found' });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  failNext(path: string, ...failures: ScriptedFailure[]): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), ...failures]);
  }

  private page<T>(rows: readonly T[], query: URLSearchParams) {
    const limit = Math.min(this.maxPageSize, Number(query.get('limit') ?? 50));
    const page = Number(query.get('page') ?? 1);
    const totalPages = Math.max(1, Math.ceil(rows.length / limit));
    const data = rows.slice((page - 1) * limit, page * limit);
    return {
      data,
      meta: {
        pagination: { total: rows.length, count: data.length, per_page: limit, current_page: page, total_pages: totalPages },
      },
    };
  }
}
