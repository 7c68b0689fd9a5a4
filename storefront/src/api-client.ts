import { PortalError, type PortalErrorKind } from './portal-error';
import type { TokenSource } from './token-manager';

export type Query = Readonly<Record<string, string | number | undefined>>;

export interface ApiClient {
  /** `data` of the success envelope. */
  get<T>(path: string, query?: Query): Promise<T>;
  /** A list endpoint's CSV export. */
  csv(path: string, query?: Query): Promise<Blob>;
  /** A printable document (`/orders/{id}/pdf`, `/invoices/{id}/pdf`). */
  pdf(path: string): Promise<Blob>;
}

export interface ApiClientOptions {
  readonly apiBase: string;
  readonly tokens: TokenSource;
  readonly fetch?: typeof fetch;
}

const kindByStatus: Readonly<Record<number, PortalErrorKind>> = {
  401: 'signed-out',
  403: 'not-linked',
  404: 'not-found',
  429: 'rate-limited',
};

export function apiUrl(apiBase: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${apiBase.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

async function failure(response: Response): Promise<PortalError> {
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = `${body.error.code ?? ''} ${body.error.message}`.trim();
  } catch {
    // A non-JSON error body (a proxy's HTML page) still maps by status.
  }
  return new PortalError(kindByStatus[response.status] ?? 'failed', message);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  const attempt = async (url: string, accept: string, fresh: boolean): Promise<Response> =>
    doFetch(url, {
      headers: { Authorization: `Bearer ${await options.tokens.token(fresh)}`, Accept: accept },
      // The API is another origin and needs no cookies: the bearer token is the identity.
      credentials: 'omit',
      mode: 'cors',
    });

  /** A 401 means the cached token lapsed early (a sleeping laptop), so it is retried once with a fresh one. */
  const send = async (url: string, accept: string): Promise<Response> => {
    let response = await attempt(url, accept, false);
    if (response.status === 401) response = await attempt(url, accept, true);
    if (!response.ok) throw await failure(response);
    return response;
  };

  return {
    async get<T>(path: string, query?: Query) {
      const response = await send(apiUrl(options.apiBase, path, query), 'application/json');
      const body = (await response.json()) as { success?: boolean; data?: T };
      if (body.success !== true || body.data === undefined) throw new PortalError('failed', 'unexpected response envelope');
      return body.data;
    },
    async csv(path: string, query?: Query) {
      const response = await send(apiUrl(options.apiBase, path, { ...query, format: 'csv' }), 'text/csv');
      return response.blob();
    },
    async pdf(path: string) {
      return (await send(apiUrl(options.apiBase, path), 'application/pdf')).blob();
    },
  };
}
