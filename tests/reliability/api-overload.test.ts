import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/composition/create-app';
import { startDevHost, type DevHost } from '../../shared/dev-host/dev-host';
import { allowedOrigin, apiKey, secondApiKey, testEnvironment } from '../functions/helpers/invoke';
import { createDemoPortal, type DemoPortal } from './helpers/api-demo-portal';
import { httpClient, type HttpAnswer, type HttpClient } from './helpers/api-http-client';
import { validToken } from './helpers/api-tokens';
import { reportFigures } from './helpers/figures';

/**
 * Over real HTTP against the dev host, so the node adapter's client address (the socket's, appended
 * to X-Forwarded-For as the Functions front end does) is what the limiter keys anonymous and failed
 * callers on. Each client connects from its own loopback address. The limiter keys authenticated
 * callers on their credential (key:n, bc:id) and everyone else on that address (ip:…).
 */
const burstLimit = 10;
const perMinute = 30;
/** Seconds one token takes to refill: the longest sane Retry-After. */
const tokenSeconds = 60 / perMinute;
const burstSize = 4 * burstLimit;

interface Caller {
  readonly label: string;
  readonly client: HttpClient;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** What "served" means for this caller: 2xx, or for a key guesser its normal 401. */
  readonly served: (status: number) => boolean;
}

let portal: DemoPortal;
let host: DevHost;
const clients: HttpClient[] = [];
const client = (address: string) => {
  const made = httpClient(host.url, address);
  clients.push(made);
  return made;
};
const ok = (status: number) => status >= 200 && status < 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bearer = async (index: number) => ({ authorization: `Bearer ${await validToken(portal.customers[index]?.bcCustomerId ?? 0)}` });

beforeAll(async () => {
  portal = await createDemoPortal({
    customers: 300,
    env: { RATE_LIMIT_BURST: String(burstLimit), RATE_LIMIT_PER_MINUTE: String(perMinute), DEMO_MODE: 'off' },
  });
  host = await startDevHost({ port: 0, app: createApp(portal.settings, { mirror: portal.mirror, erp: portal.erp }) });
});

afterAll(async () => {
  for (const made of clients) made.close();
  await host?.close();
  await portal?.close();
});

/**
 * Fires `burstSize` concurrent requests as `throttled` while every other caller sends a few (fewer
 * than its own bucket) during and right after the burst; then waits out Retry-After and tries again.
 * `probe` is one more request that must still be throttled (by default the throttled caller's own).
 */
async function overload(name: string, throttled: Caller, others: readonly Caller[], probe?: () => Promise<HttpAnswer>) {
  const timed = async (caller: Caller) => ({ answer: await caller.client.get(caller.path, caller.headers), at: performance.now() });
  const othersDuring = others.map(async (caller) => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await timed(caller));
    return answers;
  });
  const burstStart = performance.now();
  const burstTimed = await Promise.all(Array.from({ length: burstSize }, () => timed(throttled)));
  const burst = burstTimed.map((t) => t.answer);
  const burstEnd = Math.max(...burstTimed.map((t) => t.at));
  const during = (await Promise.all(othersDuring)).flat();
  const rightAfter = await Promise.all(others.flatMap((caller) => [timed(caller), timed(caller)]));
  const probeAt = performance.now();
  const stillThrottled = await (probe ?? (() => throttled.client.get(throttled.path, throttled.headers)))();
  const limited = burst.filter((a) => a.status === 429);
  const retryAfter = limited.map((a) => Number(a.headers['retry-after']));
  await sleep(Math.max(...retryAfter) * 1000);
  const again = await throttled.client.get(throttled.path, throttled.headers);
  const othersAnswers = [...during, ...rightAfter];
  const figures = {
    burstSize,
    served: burst.filter((a) => throttled.served(a.status)).length,
    status429: limited.length,
    retryAfter: [...new Set(retryAfter)].map((s) => `${s}s×${retryAfter.filter((v) => v === s).length}`).join(' '),
    othersDuringBurst: othersAnswers.filter((t) => t.at <= burstEnd).length,
    othersServed: othersAnswers.filter((t) => ok(t.answer.status)).length,
    othersFailed: othersAnswers.filter((t) => !ok(t.answer.status)).length,
    stillThrottledAfterBurst: stillThrottled.status === 429 ? 'yes' : `no (${stillThrottled.status})`,
    servedAfterRetryAfter: throttled.served(again.status) ? 'yes' : `no (${again.status})`,
  };
  reportFigures(`api-overload ${name}`, figures);

  expect(burst.every((a) => a.status === 429 || throttled.served(a.status))).toBe(true);
  // The bucket's burst, plus the tokens refilled while the burst was on the wire (one, unless the machine crawls).
  const tokenMs = tokenSeconds * 1000;
  expect(figures.served).toBeGreaterThanOrEqual(burstLimit);
  expect(figures.served).toBeLessThanOrEqual(burstLimit + Math.ceil((burstEnd - burstStart) / tokenMs));
  for (const answer of limited) {
    expect(answer.json).toEqual({ success: false, error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(answer.headers['cache-control']).toBe('no-store');
  }
  expect(retryAfter.every((s) => Number.isInteger(s) && s >= 1 && s <= tokenSeconds)).toBe(true);
  expect(othersAnswers.map((t) => t.answer.status).filter((s) => !ok(s))).toEqual([]);
  expect(figures.othersDuringBurst).toBeGreaterThan(0);
  // The bucket was empty at the burst: no token can have refilled before one token's time has passed.
  if (probeAt - burstStart < tokenMs) expect(stillThrottled.status).toBe(429);
  expect(throttled.served(again.status)).toBe(true);
  return { limited, figures };
}

describe('overload: a burst beyond the rate limit, over real HTTP against the dev host', () => {
  it('a storefront buyer bursting gets 429 + Retry-After; other buyers (even from the same address), keys and addresses are served', async () => {
    const buyer = client('127.0.0.2');
    const throttled: Caller = { label: 'buyer A', client: buyer, path: '/api/v1/orders', headers: { ...(await bearer(0)), origin: allowedOrigin }, served: ok };
    const others: Caller[] = [
      { label: 'buyer B, same address', client: buyer, path: '/api/v1/orders', headers: await bearer(1), served: ok },
      { label: 'second API key', client: client('127.0.0.3'), path: `/api/v1/orders?customer=${portal.customers[2]?.custNo}`, headers: { 'x-api-key': secondApiKey }, served: ok },
      { label: 'anonymous health', client: client('127.0.0.4'), path: '/api/v1/health', headers: {}, served: ok },
    ];
    const { limited } = await overload('storefront buyer', throttled, others);
    // A browser may read Retry-After only if CORS exposes it.
    expect(limited[0]?.headers['access-control-allow-origin']).toBe(allowedOrigin);
    expect(String(limited[0]?.headers['access-control-expose-headers'])).toContain('Retry-After');
  });

  it('an anonymous address bursting is throttled by its address, which a forged X-Forwarded-For does not change', async () => {
    const flooder = client('127.0.0.5');
    const throttled: Caller = { label: 'anonymous 127.0.0.5', client: flooder, path: '/api/v1/health', headers: {}, served: ok };
    const others: Caller[] = [
      { label: 'anonymous 127.0.0.6', client: client('127.0.0.6'), path: '/api/v1/health', headers: {}, served: ok },
      { label: 'API key from the same address', client: flooder, path: `/api/v1/orders?customer=${portal.customers[3]?.custNo}`, headers: { 'x-api-key': apiKey }, served: ok },
      { label: 'buyer from the same address', client: flooder, path: '/api/v1/me', headers: await bearer(4), served: ok },
    ];
    await overload('anonymous address', throttled, others, () => flooder.get('/api/v1/health', { 'x-forwarded-for': '198.51.100.7' }));
  });

  it('guessing API keys from one address is throttled like any failed credential; real callers are not', async () => {
    expect(testEnvironment.PORTAL_API_KEYS).not.toContain('guess');
    const guesser = client('127.0.0.7');
    let guess = 0;
    const throttled: Caller = {
      label: 'key guesser',
      client: guesser,
      path: `/api/v1/orders?customer=${portal.customers[5]?.custNo}`,
      get headers() {
        return { 'x-api-key': `guess-${guess++}` };
      },
      served: (status) => status === 401,
    };
    const others: Caller[] = [
      { label: 'buyer from the same address', client: guesser, path: '/api/v1/orders', headers: await bearer(6), served: ok },
      { label: 'anonymous 127.0.0.8', client: client('127.0.0.8'), path: '/api/v1/health', headers: {}, served: ok },
    ];
    await overload('key guessing', throttled, others, () => guesser.get(throttled.path, { 'x-api-key': 'guess-more' }));
  });
});
