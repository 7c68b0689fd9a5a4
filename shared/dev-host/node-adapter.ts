import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { HttpRequest, HttpResponse, type HttpRequestInit, type HttpResponseInit } from '@azure/functions';

const bodyless = new Set(['GET', 'HEAD']);

/**
 * A real @azure/functions HttpRequest built from a node:http request, its body left unread as a
 * stream: the pipeline reads it (capped) only after authentication. This is how the library builds
 * requests in its own HTTP streaming mode (`createStreamRequest`: a fetch Request over the incoming
 * message with `duplex: 'half'`, passed as `nativeRequest`), an init field its types do not declare.
 */
export function toHttpRequest(message: IncomingMessage, url: URL, params: Record<string, string>): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // The Functions front end appends the client address, and the rate limiter reads it there.
  const remote = message.socket.remoteAddress ?? 'unknown';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${remote}` : remote;
  const method = message.method ?? 'GET';
  const nativeRequest = new Request(url, {
    method,
    headers,
    ...(bodyless.has(method) ? {} : { body: Readable.toWeb(message) as ReadableStream, duplex: 'half' }),
  } as RequestInit);
  return new HttpRequest({ nativeRequest, params } as HttpRequestInit);
}

/** Writes a handler's result: plain-string bodies directly, anything else through HttpResponse. */
export async function writeResponse(result: HttpResponseInit | HttpResponse | void, response: ServerResponse): Promise<void> {
  const init = result ?? { status: 204 };
  if (!(init instanceof HttpResponse) && init.jsonBody === undefined && (init.body === undefined || typeof init.body === 'string')) {
    response.writeHead(init.status ?? 200, headerRecord(init.headers));
    response.end(init.body);
    return;
  }
  const full = init instanceof HttpResponse ? init : new HttpResponse(init);
  const headers: Record<string, string> = {};
  full.headers.forEach((value, name) => (headers[name] = value));
  response.writeHead(full.status, headers);
  response.end(Buffer.from(await full.arrayBuffer()));
}

function headerRecord(headers: HttpResponseInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  if (headers instanceof Headers) {
    const record: Record<string, string> = {};
    headers.forEach((value, name) => (record[name] = value));
    return record;
  }
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return headers;
}
