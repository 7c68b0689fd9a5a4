import { isIPv4, isIPv6 } from 'node:net';

const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const bracketedIpv6 = /^\[([^\]]+)\](?::\d+)?$/;
const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** An address without port, brackets or IPv6 zone. */
function bareAddress(value: string): string {
  const address = ipv4WithPort.exec(value)?.[1] ?? bracketedIpv6.exec(value)?.[1] ?? value;
  return address.split('%')[0] as string;
}

/** The 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The rate-limit identity of an address. One IPv6 subscriber normally holds a whole /64, so every
 * address in it shares one bucket; IPv4-mapped IPv6 counts as the IPv4 address it carries.
 */
export function addressGroup(value: string): string {
  const address = bareAddress(value.trim());
  const mapped = mappedIpv4.exec(address)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return isIPv4(address) ? address : 'unknown';
  return `${ipv6Groups(address).slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

/**
 * The caller's network address, for rate limiting, read the one way this app trusts (README,
 * "Client addresses"):
 * - Behind Azure Front Door (`frontDoorId` set): `X-Azure-SocketIP`, but only on a request whose
 *   `X-Azure-FDID` is this app's Front Door profile; any other request is treated as direct.
 * - Otherwise the last `X-Forwarded-For` entry: the App Service front end appends the address it
 *   received the connection from (`ip:port`), so entries a client wrote itself come before it.
 */
export function clientAddress(headers: Headers, frontDoorId?: string): string {
  if (frontDoorId !== undefined && headers.get('x-azure-fdid')?.trim().toLowerCase() === frontDoorId.toLowerCase()) {
    const socket = headers.get('x-azure-socketip');
    if (socket) return addressGroup(socket);
  }
  const last = headers.get('x-forwarded-for')?.split(',').pop()?.trim();
  return last ? addressGroup(last) : 'unknown';
}
