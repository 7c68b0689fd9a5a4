import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-delay';

export class BigCommerceApiError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'BigCommerceApiError';
  }
}

export interface BigCommerceClientOptions {
  readonly storeHash: string;
  readonly apiToken: string;
  /** Defaults to the public API; BC_API_BASE_URL may point it at a stand-in on this machine. */
  readonly baseUrl?: string;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
}

export type QueryValue = string | number;

export interface BigCommerceClient {
  /** GET a JSON document under `/stores/{hash}/v3`, retrying 429 and 5xx. */
  getJson(path: string, query?: Readonly<Record<string, QueryValue>>): Promise<unknown>;
}

const publicApi = 'https://api.bigcommerce.com';

/** Where a redirect pointed, as a host only: enough to name it in the error, never a path or query. */
function redirectHost(response: Response, from: URL): string {
  const location = response.headers.get('location');
  if (location === null || !URL.canParse(location, from)) return 'an unreadable location';
  return new URL(location, from).host;
}
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createBigCommerceClient(options: BigCommerceClientOptions): BigCommerceClient {
  const base = `${(options.baseUrl ?? publicApi).replace(/\/+$/, '')}/stores/${encodeURIComponent(options.storeHash)}/v3`;
  const policy = options.retry ?? defaultRetryPolicy;
  const sleep = options.sleep ?? wait;
  const doFetch = options.fetch ?? fetch;

  return {
    async getJson(path, query = {}) {
      const url = new URL(`${base}${path}`);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
      for (let attempt = 1; ; attempt++) {
        let response: Response | undefined;
        let failure: unknown;
        try {
          // Redirects are never followed: fetch would resend X-Auth-Token to wherever they point.
          response = await doFetch(url, {
            headers: { 'X-Auth-Token': options.apiToken, Accept: 'application/json' },
            redirect: 'manual',
          });
          if (response.ok) return await response.json();
        } catch (error) {
          failure = error;
        }
        if (response && response.status >= 300 && response.status < 400) {
          await response.body?.cancel();
          throw new BigCommerceApiError(
            response.status,
            `BigCommerce GET ${path} answered HTTP ${response.status}, a redirect to ${redirectHost(response, url)}: refused, so the API token is never sent there`,
          );
        }
        const delay = retryDelayMs(response, attempt, policy);
        if (delay === undefined) {
          // The path, never the URL's host or token, goes into the message: it may reach logs.
          const what = response ? `HTTP ${response.status}` : String(failure);
          const message =
            response?.status === 401 || response?.status === 403
              ? `BigCommerce refused the API token (GET ${path}: ${what}): check BC_API_TOKEN, BC_STORE_HASH and the token's scopes (Customers read-only for links, Products read-only for the catalog)`
              : `BigCommerce GET ${path} failed after ${attempt} attempt(s): ${what}`;
          throw new BigCommerceApiError(response?.status, message, { cause: failure });
        }
        await response?.body?.cancel();
        await sleep(delay);
      }
    },
  };
}
