import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { renderPdf } from '../../shared/documents/render-pdf';
import { pdfCost } from '../../shared/http/operations';
import { createRateLimiter } from '../../shared/http/rate-limiter';
import { createRenderGate, type RenderGate } from '../../shared/portal/render-gate';
import { benchInvoice } from './pdf-timing';

export interface LiveLatency {
  readonly samples: number;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** PDF requests refused: by the rate limit (429) or the gate's waiting room (503). */
  readonly refused: number;
}

export interface PdfLoadReport {
  readonly concurrentPdfs: number;
  /** Before: a PDF cost one rate-limit token and renders were unbounded. */
  readonly before: LiveLatency;
  /** After: a PDF costs pdfCost tokens and renders go through the render gate. */
  readonly after: LiveLatency;
}

const passThrough: RenderGate = { run: (work) => work() };

/**
 * The callers, on their own event loop (a worker thread) as real clients are: `concurrent` PDF
 * requests at once and, until they are all answered, one `/live` request after another.
 */
const clientScript = `
const { parentPort, workerData: { base, concurrent } } = require('node:worker_threads');
(async () => {
  let done = false;
  const pdfs = Promise.all(Array.from({ length: concurrent }, () => fetch(base + '/pdf').then((r) => r.arrayBuffer()))).finally(() => (done = true));
  const latencies = [];
  while (!done || latencies.length < 5) {
    const start = performance.now();
    await (await fetch(base + '/live')).text();
    latencies.push(performance.now() - start);
  }
  await pdfs;
  parentPort.postMessage(latencies);
})();
`;

function clientLoad(base: string, concurrent: number): Promise<number[]> {
  const worker = new Worker(clientScript, { eval: true, workerData: { base, concurrent } });
  return new Promise<number[]>((resolve, reject) => {
    worker.once('message', (latencies: number[]) => resolve(latencies));
    worker.once('error', reject);
  }).finally(() => worker.terminate());
}

/**
 * `/health/live` latency while one buyer asks for `concurrent` one-page PDFs at once: a node:http
 * server with the two routes, the real rate limiter at the default settings (120 a minute, burst
 * 60), the real renderer and a given gate; no database (the PDF endpoints read theirs before the
 * render, outside the gate).
 */
async function measure(gate: RenderGate, cost: number, concurrent: number): Promise<LiveLatency> {
  const document = benchInvoice(1);
  const limit = createRateLimiter({ perMinute: 120, burst: 60 });
  let refused = 0;
  const server = createServer((request, response) => {
    if (request.url === '/live') return void response.end('{"status":"alive"}');
    if (limit('buyer', cost) > 0) {
      refused += 1;
      return void response.writeHead(429).end();
    }
    gate.run(() => renderPdf(document)).then(
      (pdf) => response.end(pdf),
      () => {
        refused += 1;
        response.writeHead(503).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const latencies = await clientLoad(base, concurrent);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const sorted = [...latencies].sort((a, b) => a - b);
  return { samples: sorted.length, p50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0, maxMs: sorted.at(-1) ?? 0, refused };
}

/** The same load as before this change (cost 1, no gate), then as the app answers it now. */
export async function pdfLoad(concurrent = 60): Promise<PdfLoadReport> {
  await renderPdf(benchInvoice(1));
  const before = await measure(passThrough, 1, concurrent);
  const after = await measure(createRenderGate(), pdfCost, concurrent);
  return { concurrentPdfs: concurrent, before, after };
}
