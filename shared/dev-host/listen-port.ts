import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { ConfigError } from '../config';

/** Why the dev host cannot listen on PORT, as the ConfigError an operator fixes; other errors unchanged. */
export function listenError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new ConfigError([{ setting: 'PORT', message: `${port} is already in use on ${host} (another npm start?); stop that process or set PORT to a free port` }]);
  }
  if (code === 'EACCES') return new ConfigError([{ setting: 'PORT', message: `${port} on ${host} needs privileges this process lacks; choose a port above 1023` }]);
  return error;
}

/** Listens on PORT, turning a refusal into listenError's ConfigError. */
export async function listenOn(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, port, host)));
    server.listen(port, host, () => resolve());
  });
}

/**
 * Checks PORT before the minutes of seeding and syncing that precede listening, so a port in use is
 * reported at once. Port 0 (any free port) needs no check.
 */
export async function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listenOn(probe, port, host);
  await new Promise((resolve) => probe.close(resolve));
}
