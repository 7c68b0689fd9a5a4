import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const progressLine = /^(customers|orders|lines): (started|done)\b/;

/** Where a run spends its time: starting up (load, open, migrate, lock), then one pass per entity. */
export type Phase = 'startup' | 'customers' | 'orders' | 'lines';

export interface CliKill {
  /** The phase whose start arms the timer: the spawn for 'startup', the pass's "started" line otherwise. */
  readonly phase: Phase;
  /** Milliseconds after that start to send SIGKILL. */
  readonly afterMs: number;
}

export interface CliRun {
  /** The process died of the SIGKILL (false: it had finished first). */
  readonly killed: boolean;
  readonly code: number | null;
  /** The last progress printed: 'startup' before the first pass, '<entity>' inside a pass, '<entity> done' after one. */
  readonly lastProgress: string;
  /** How long each phase took, for the phases that finished. */
  readonly durations: Partial<Record<Phase, number>>;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `npm run sync` as one process: node with tsx's loader, so SIGKILL hits the process doing the
 * work (the tsx CLI would spawn a second node and only the wrapper would die). Without a TTY the
 * CLI prints "<entity>: started" and "<entity>: done" lines, which time the phases.
 */
export function runSyncCli(env: Record<string, string>, kill?: CliKill): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'sync.ts')], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A worker torn down mid-check (timeout) must not leave a sync running on the directories.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    const started: Partial<Record<Phase, number>> = { startup: Date.now() };
    const durations: Partial<Record<Phase, number>> = {};
    let lastProgress = 'startup';
    let stdout = '';
    let stderr = '';
    let read = 0;
    let hung = false;
    const timers = [setTimeout(() => (hung = child.kill('SIGKILL')), 180_000)];
    const begin = (phase: Phase) => {
      if (kill?.phase === phase) timers.push(setTimeout(() => child.kill('SIGKILL'), kill.afterMs));
    };
    begin('startup');
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const complete = stdout.lastIndexOf('\n') + 1;
      for (const line of stdout.slice(read, complete).split('\n')) {
        const [, entity, state] = progressLine.exec(line) ?? [];
        if (!entity) continue;
        const phase = entity as Phase;
        const at = Date.now();
        lastProgress = state === 'done' ? `${entity} done` : phase;
        if (state === 'done') durations[phase] = at - (started[phase] ?? at);
        else if (started[phase] === undefined) {
          if (phase === 'customers') durations.startup = at - (started.startup ?? at);
          started[phase] = at;
          begin(phase);
        }
      }
      read = Math.max(read, complete);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('exit', reap);
      for (const timer of timers) clearTimeout(timer);
      if (hung) return reject(new Error(`sync CLI hung:\n${stdout}\n${stderr}`));
      resolve({ killed: signal === 'SIGKILL', code, lastProgress, durations, stdout, stderr });
    });
  });
}
