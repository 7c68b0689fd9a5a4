import { describe, expect, it } from 'vitest';
import { apiUrl, createApiClient } from '../../storefront/src/api-client';
import { downloadCsv, csvFileName } from '../../storefront/src/csv-download';
import { downloadPdf } from '../../storefront/src/pdf-download';
import type { TokenSource } from '../../storefront/src/token-manager';

const envelope = (data: unknown) => Response.json({ success: true, data });
const failure = (status: number, code: string) => Response.json({ success: false, error: { code, message: 'x' } }, { status });

function client(responses: Array<() => Response>) {
  const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
  const forced: boolean[] = [];
  const tokens: TokenSource = { token: async (force = false) => (forced.push(force), force ? 'fresh' : 'cached') };
  const api = createApiClient({
    apiBase: 'https://api.example.com/api/v1/',
    tokens,
    fetch: async (url, init) => (seen.push({ url: String(url), init }), responses.shift()!()),
  });
  return { api, seen, forced };
}

describe('API client', () => {
  it('builds URLs without empty parameters', () => {
    expect(apiUrl('/api/v1/', '/orders', { page: 2, po: '', status: undefined, from: '2025-01-01' })).toBe(
      '/api/v1/orders?page=2&from=2025-01-01',
    );
  });

  it('sends the bearer token cross-origin without cookies and unwraps the envelope', async () => {
    const { api, seen } = client([() => envelope({ orders: [] })]);
    await expect(api.get('/orders', { page: 1 })).resolves.toEqual({ orders: [] });
    const headers = seen[0]?.init?.headers as Record<string, string>;
    expect(seen[0]?.url).toBe('https://api.example.com/api/v1/orders?page=1');
    expect(headers.Authorization).toBe('Bearer cached');
    expect(seen[0]?.init?.credentials).toBe('omit');
  });

  it('retries a 401 once with a fresh token, then reports "signed out"', async () => {
    const ok = client([() => failure(401, 'UNAUTHORIZED'), () => envelope({ erpId: 'C1' })]);
    await expect(ok.api.get('/me')).resolves.toEqual({ erpId: 'C1' });
    expect(ok.forced).toEqual([false, true]);
    const expired = client([() => failure(401, 'UNAUTHORIZED'), () => failure(401, 'UNAUTHORIZED')]);
    await expect(expired.api.get('/me')).rejects.toMatchObject({ kind: 'signed-out' });
  });

  it('maps 403 to "no ERP account linked", 404, 429 and 5xx to their own messages', async () => {
    const { api } = client([
      () => failure(403, 'FORBIDDEN'),
      () => failure(404, 'NOT_FOUND'),
      () => failure(429, 'RATE_LIMITED'),
      () => new Response('<html>bad gateway</html>', { status: 502 }),
    ]);
    for (const kind of ['not-linked', 'not-found', 'rate-limited', 'failed']) {
      await expect(api.get('/orders')).rejects.toMatchObject({ kind });
    }
  });

  it('downloads CSV with format=csv and the filters, saved under a dated name', async () => {
    const { api, seen } = client([() => new Response('orderId\n1\n', { headers: { 'content-type': 'text/csv' } })]);
    const saved: Array<[string, Blob]> = [];
    const name = await downloadCsv(api, 'orders', { po: 'A-1' }, (blob, file) => void saved.push([file, blob]), new Date(2026, 0, 5));
    expect(name).toBe('orders-2026-01-05.csv');
    expect(seen[0]?.url).toBe('https://api.example.com/api/v1/orders?po=A-1&format=csv');
    expect((seen[0]?.init?.headers as Record<string, string>).Accept).toBe('text/csv');
    expect(saved.map(([file]) => file)).toEqual(['orders-2026-01-05.csv']);
    await expect(saved[0]?.[1].text()).resolves.toBe('orderId\n1\n');
    expect(csvFileName('invoices', new Date(2025, 11, 31))).toBe('invoices-2025-12-31.csv');
  });

  it('downloads a PDF with the bearer token (retrying a lapsed one) and saves it under the document’s name', async () => {
    const pdf = () => new Response('%PDF-1.3 …', { headers: { 'content-type': 'application/pdf' } });
    const { api, seen, forced } = client([() => failure(401, 'UNAUTHORIZED'), pdf, pdf, pdf]);
    const saved: Array<[string, Blob]> = [];
    const save = (blob: Blob, file: string) => void saved.push([file, blob]);
    await expect(downloadPdf(api, { kind: 'invoice', id: 700044 }, save)).resolves.toBe('invoice-700044.pdf');
    await expect(downloadPdf(api, { kind: 'order', id: 100045 }, save)).resolves.toBe('order-100045.pdf');
    await expect(downloadPdf(api, { kind: 'quote', id: 100046 }, save)).resolves.toBe('quote-100046.pdf');
    expect(seen.map((s) => s.url)).toEqual([
      'https://api.example.com/api/v1/invoices/700044/pdf',
      'https://api.example.com/api/v1/invoices/700044/pdf',
      'https://api.example.com/api/v1/orders/100045/pdf',
      'https://api.example.com/api/v1/quotes/100046/pdf',
    ]);
    expect(seen.map((s) => (s.init?.headers as Record<string, string>).Authorization)).toEqual(['Bearer cached', 'Bearer fresh', 'Bearer cached', 'Bearer cached']);
    expect((seen[0]?.init?.headers as Record<string, string>).Accept).toBe('application/pdf');
    expect(forced).toEqual([false, true, false, false]);
    expect(saved.map(([file]) => file)).toEqual(['invoice-700044.pdf', 'order-100045.pdf', 'quote-100046.pdf']);
    await expect(saved[0]?.[1].text()).resolves.toBe('%PDF-1.3 …');
  });
});
