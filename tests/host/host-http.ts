import { expect } from 'vitest';
import type { FunctionsHost } from './functions-host';
import { decodeBody, type HttpAnswer, type HttpCall } from './http-cases';

/**
 * Sends a request to the host on `/api/<path>` over real HTTP and checks, from the host's log
 * (`Executing 'Functions.<name>'`), that the host routed it to the named function and no other.
 */
export async function requestThroughHost(host: FunctionsHost, name: string, call: HttpCall): Promise<HttpAnswer> {
  const from = host.log.length;
  const response = await fetch(`${host.origin}/api/${call.path}`, {
    method: call.method ?? 'GET',
    headers: call.headers,
    body: call.body,
    redirect: 'manual',
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  await host.waitFor(() => host.executed(from, 'http').length > 0, `the host to log the execution of ${name}`, 30_000);
  expect(host.executed(from, 'http'), `${call.method ?? 'GET'} /api/${call.path} must reach ${name}`).toEqual([name]);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { status: response.status, headers, bytes, ...decodeBody(bytes) };
}
