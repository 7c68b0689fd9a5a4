const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const bracketedIpv6 = /^\[([^\]]+)\](?::\d+)?$/;

/**
 * The client address for rate-limiting anonymous callers: the entry the nearest proxy appended to
 * X-Forwarded-For (App Service adds `ip:port`), without the port.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  if (!last) return 'unknown';
  return ipv4WithPort.exec(last)?.[1] ?? bracketedIpv6.exec(last)?.[1] ?? last;
}
