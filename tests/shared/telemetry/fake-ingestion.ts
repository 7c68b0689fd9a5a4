import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One telemetry item as Application Insights' ingestion receives it. */
export interface Envelope {
  readonly name: string;
  readonly iKey: string;
  readonly tags: Record<string, string>;
  readonly data: { readonly baseType: string; readonly baseData: Record<string, unknown> };
}

/** The fake makes its throwaway certificate with the `openssl` command; .ci/run installs it. */
export const opensslAvailable = (): boolean => spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;

export const instrumentationKey = '11111111-2222-3333-4444-555555555555';

/**
 * Application Insights' ingestion endpoint (Breeze), over HTTPS as the exporter requires: it takes
 * `POST /v2.1/track` with a JSON array of envelopes and answers as the documented example does
 * (azure-rest-api-specs, specification/applicationinsights/data-plane/Monitor.Exporters/
 * preview/2020-09-15_Preview/examples/track.json, response 200: itemsReceived, itemsAccepted, errors).
 * The certificate is self-signed for 127.0.0.1, so the process under test must not verify it.
 */
export class FakeIngestion {
  readonly envelopes: Envelope[] = [];
  readonly #directory = mkdtempSync(join(tmpdir(), 'fake-ingestion-'));
  #server: Server | undefined;

  async start(): Promise<string> {
    const key = join(this.#directory, 'key.pem');
    const cert = join(this.#directory, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.method !== 'POST' || request.url !== '/v2.1/track') {
          response.writeHead(404).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        const items = JSON.parse(body.toString('utf8')) as Envelope[];
        this.envelopes.push(...items);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return `InstrumentationKey=${instrumentationKey};IngestionEndpoint=https://127.0.0.1:${port}/`;
  }

  /** Flushes the sender, then waits (generously: the exporter sends in the background) for matching items. */
  async received(match: (e: Envelope) => boolean, flush: () => Promise<void>): Promise<Envelope[]> {
    await flush();
    for (let waited = 0; waited < 60_000; waited += 100) {
      const found = this.envelopes.filter(match);
      if (found.length > 0) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no matching telemetry arrived; received ${JSON.stringify(this.envelopes.map((e) => e.data.baseType))}`);
  }

  /** Items of one kind (`EventData`, `ExceptionData`, `MetricData`, …). */
  ofType(baseType: string): Envelope[] {
    return this.envelopes.filter((e) => e.data.baseType === baseType);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
    rmSync(this.#directory, { recursive: true, force: true });
  }
}
