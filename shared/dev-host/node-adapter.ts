import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpRequest, HttpResponse, type HttpResponseInit } from '@azure/functions';

const bodyless = new Set(['GET', 'HEAD', 'OPTIONS']);

async function readBody(message: IncomingMessage): Promise<Buffer | undefined> {
  if (bodyless.has(message.method ?? 'GET')) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

/** A real @azure/functions HttpRequest built from a node:http request, as the Functions host would. */
export async function toHttpRequest(
  message: IncomingMessage,
  url: URL,
  params: Record<string, string>,
): Promise<HttpRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // The Functions front end appends the client address, and the rate limiter reads it there.
  const remote = message.socket.remoteAddress ?? 'unknown';
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${remote}` : remote;
  const body = await readBody(message);
  return new HttpRequest({
    method: message.method ?? 'GET',
    url: url.toString(),
    headers,
    params,
    ...(body ? { body: { bytes: body } } : {}),
  });
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
