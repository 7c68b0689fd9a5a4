import { describe, expect, it } from 'vitest';
import { addressGroup, clientAddress } from '../../../shared/http/client-address';

describe('client addresses', () => {
  it('reads the address the nearest proxy appended, without its port', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'spoofed, 10.0.0.1:5123' }))).toBe('10.0.0.1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '[::1]:80' }))).toBe('0:0:0:0::/64');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'not-an-address' }))).toBe('unknown');
    expect(clientAddress(new Headers())).toBe('unknown');
  });

  it('groups IPv6 addresses by /64 and reads IPv4-mapped ones as IPv4', () => {
    const group = '2001:db8:1:2::/64';
    for (const address of ['2001:db8:1:2::1', '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '[2001:db8:1:2:a:b:c:d]:443', '2001:db8:1:2::5%eth0', '2001:db8:1:2:0:0:1.2.3.4']) {
      expect(addressGroup(address), address).toBe(group);
    }
    expect(addressGroup('2001:db8:1:3::1')).not.toBe(group);
    expect(addressGroup('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressGroup('::')).toBe('0:0:0:0::/64');
  });

  it('trusts X-Azure-SocketIP only on requests carrying this app’s Front Door ID', () => {
    const frontDoorId = '11111111-2222-3333-4444-555555555555';
    const viaFrontDoor = (fdid: string) =>
      new Headers({ 'x-azure-fdid': fdid, 'x-azure-socketip': '198.51.100.7', 'x-forwarded-for': '198.51.100.7, 147.243.0.1:5000' });
    expect(clientAddress(viaFrontDoor(frontDoorId.toUpperCase()), frontDoorId)).toBe('198.51.100.7');
    // Another Front Door profile (same service tag, someone else's) or no Front Door setting: the last hop.
    expect(clientAddress(viaFrontDoor('99999999-2222-3333-4444-555555555555'), frontDoorId)).toBe('147.243.0.1');
    expect(clientAddress(viaFrontDoor(frontDoorId))).toBe('147.243.0.1');
  });
});
