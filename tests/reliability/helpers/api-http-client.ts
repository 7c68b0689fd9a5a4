import { Agent, request } from 'node:http';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

export interface HttpClient {
  get(path: string, headers?: Record<string, string>): Promise<HttpAnswer>;
  close(): void;
}

/**
 * A client of the dev host over real HTTP, connecting from its own loopback address (127.0.0.x):
 * the server sees distinct client addresses, as it would distinct machines, without any header.
 */
export function httpClient(baseUrl: string, localAddress: string): HttpClient {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return {
    get(path, headers = {}) {
      return new Promise((resolve, reject) => {
        const outgoing = request({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port, path, headers, localAddress, agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = body ? JSON.parse(body) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json });
          });
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    },
    close: () => agent.destroy(),
  };
}
