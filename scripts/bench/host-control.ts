import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ApiLoadResult, RunningLoad } from './api-load';
import type { HostCommand, HostReply, HostSyncReport } from './host-protocol';
import { root } from './run-phase';

export interface BenchHost {
  readonly url: string;
  floor(paths: readonly string[], requests: number): Promise<Extract<HostReply, { kind: 'floor' }>['floor']>;
  /** One sync in the host while `load` runs against it from its start to its end. */
  syncUnderLoad(rewrite: boolean, load: (seconds: number) => RunningLoad): Promise<{ sync: HostSyncReport; api: ApiLoadResult }>;
  stop(): Promise<void>;
}

/**
 * Starts host-phase.ts in a child process with an IPC channel (node with tsx's loader, not the tsx
 * CLI, which would put a process of its own between the two) and waits until it listens.
 */
export function startBenchHost(env: Record<string, string>): Promise<BenchHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'bench', 'host-phase.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let waiting: { kinds: ReadonlyArray<HostReply['kind']>; resolve: (reply: HostReply) => void; reject: (error: Error) => void } | undefined;
  const fail = (error: Error) => {
    waiting?.reject(error);
    waiting = undefined;
  };
  child.on('message', (reply: HostReply) => {
    if (reply.kind === 'failed') return fail(new Error(`bench host: ${reply.message}`));
    if (waiting?.kinds.includes(reply.kind)) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve(reply);
    }
  });
  child.once('exit', (code) => fail(new Error(`bench host exited with code ${code}`)));
  const next = <K extends HostReply['kind']>(kind: K, command?: HostCommand) =>
    new Promise<Extract<HostReply, { kind: K }>>((resolve, reject) => {
      waiting = { kinds: [kind], resolve: resolve as (reply: HostReply) => void, reject };
      if (command) child.send(command);
    });
  return next('ready').then(({ url }) => ({
    url,
    floor: async (paths, requests) => (await next('floor', { kind: 'floor', paths, requests })).floor,
    async syncUnderLoad(rewrite, load) {
      await next('sync-started', { kind: 'sync', rewrite });
      const running = load(3600);
      const done = await next('sync').finally(() => running.stop());
      return { sync: done.report, api: await running.done };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send({ kind: 'stop' } satisfies HostCommand);
      }),
  }));
}
