import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';

export interface AzuritePorts {
  readonly blob: number;
  readonly queue: number;
  readonly table: number;
}

export interface AzuriteProcess {
  readonly ports: AzuritePorts;
  readonly pid: number;
  stop(): Promise<void>;
}

export const defaultAzuritePorts: AzuritePorts = { blob: 10000, queue: 10001, table: 10002 };

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Azurite from node_modules in its own process group with data under `location`, and
 * resolves once all three services listen. `stop()` signals the whole group: killing only the
 * npx/node wrapper would leave the servers running and the ports taken.
 */
export async function startAzurite(root: string, location: string, ports = defaultAzuritePorts): Promise<AzuriteProcess> {
  mkdirSync(location, { recursive: true });
  const bin = join(root, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');
  const args = [
    bin,
    '--silent',
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--location',
    location,
    '--blobPort',
    String(ports.blob),
    '--queuePort',
    String(ports.queue),
    '--tablePort',
    String(ports.table),
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('Azurite did not start');
  const stop = async () => {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      return;
    }
    await exited(child);
  };
  try {
    const ready = async () => (await Promise.all(Object.values(ports).map(portOpen))).every(Boolean);
    // A hang guard: on a busy machine Azurite can take well over 30 s to load and listen.
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode}`);
      return ready();
    }, 'Azurite to listen', 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, pid, stop };
}
