import type { IncomingMessage } from 'node:http';

/** A request the dev host cannot even read (malformed Host, target or cookie): a 400, not a 500. */
export class BadRequest extends Error {}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A Host header: a name or address and an optional port, nothing a URL parser could read as more. */
const hostHeader = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The request's URL: the host from the Host header only, and the request target read as a path
 * (origin-form, RFC 9112 §3.2.1). Handing the target to a URL parser would read `//localhost/…` or
 * `http://localhost/…` as naming its own host, overriding the Host header the demo's check relies on.
 */
export function requestUrl(message: IncomingMessage): URL {
  const target = message.url ?? '/';
  const host = message.headers.host ?? 'localhost';
  if (!target.startsWith('/') || !hostHeader.test(host)) throw new BadRequest('Malformed Host header or request target.');
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    throw new BadRequest('Malformed Host header or request target.');
  }
  const query = target.search(/[?#]/);
  url.pathname = query < 0 ? target : target.slice(0, query);
  if (query >= 0 && target[query] === '?') url.search = target.slice(query + 1).split('#')[0] ?? '';
  return url;
}

/** Demo mode answers only loopback names (any port), so DNS rebinding cannot reach it from a web page. */
export const demoHostAllowed = (url: URL): boolean => loopbackNames.has(url.hostname.toLowerCase());

/** One cookie's value; a value that is not valid percent-encoding is a bad request. */
export function cookieValue(message: IncomingMessage, name: string): string | undefined {
  for (const part of (message.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      throw new BadRequest(`Malformed ${name} cookie.`);
    }
  }
  return undefined;
}
