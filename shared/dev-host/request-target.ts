import type { IncomingMessage } from 'node:http';

/** A request the dev host cannot even read (malformed Host, target or cookie): a 400, not a 500. */
export class BadRequest extends Error {}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The request's URL; a Host header or target that makes no URL is the client's error. */
export function requestUrl(message: IncomingMessage): URL {
  try {
    return new URL(message.url ?? '/', `http://${message.headers.host ?? 'localhost'}`);
  } catch {
    throw new BadRequest('Malformed Host header or request target.');
  }
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
