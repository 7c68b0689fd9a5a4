import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/config';
import { ensurePortFree, listenOn } from '../../../shared/dev-host/listen-port';

let held: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (held ? held.close(() => resolve()) : resolve())));

async function holdPort(): Promise<number> {
  held = createServer();
  await new Promise<void>((resolve) => held!.listen(0, '127.0.0.1', resolve));
  return (held.address() as { port: number }).port;
}

describe('ensurePortFree', () => {
  it('names PORT in a ConfigError when the port is in use', async () => {
    const port = await holdPort();
    const check = ensurePortFree(port, '127.0.0.1');
    await expect(check).rejects.toBeInstanceOf(ConfigError);
    await expect(check).rejects.toThrow(`PORT: ${port} is already in use on 127.0.0.1`);
  });

  it('passes a free port and leaves it free', async () => {
    const port = await holdPort();
    await new Promise((resolve) => held!.close(resolve));
    held = undefined;
    await ensurePortFree(port, '127.0.0.1');
    await ensurePortFree(port, '127.0.0.1');
  });

  it('has nothing to check for port 0 (any free port)', async () => {
    await expect(ensurePortFree(0, '127.0.0.1')).resolves.toBeUndefined();
  });
});

describe('listenOn', () => {
  it('names PORT when the port was taken after the check', async () => {
    const port = await holdPort();
    const server = createServer();
    await expect(listenOn(server, port, '127.0.0.1')).rejects.toThrow(`PORT: ${port} is already in use`);
  });
});
