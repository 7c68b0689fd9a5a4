import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseProgress, type CliKill, type Phase, type WatchdogResult } from './sync-cli-progress';

export type { CliKill, Phase } from './sync-cli-progress';

export interface CliRun {
  /** The process died of the planned SIGKILL (false: it had finished first). */
  readonly killed: boolean;
  readonly code: number | null;
  /** The last progress printed: 'startup' before the first pass, '<entity>' inside a pass, '<entity> done' after one. */
  readonly lastProgress: string;
  /** How long each phase took, for the phases that finished. */
  readonly durations: Partial<Record<Phase, number>>;
  /** Committed-batch lines each pass printed, for the passes that started. */
  readonly batches: Partial<Record<Phase, number>>;
  readonly stdout: string;
  readonly stderr: string;
}

const watchdog = join(__dirname, 'sync-cli-watchdog.ts');

/**
 * `npm run sync -- --verbose` under a watchdog process that kills it at the planned point (see
 * sync-cli-watchdog.ts). Progress lines time the phases and count each pass's batches, which plan
 * the kills of later runs.
 */
export function runSyncCli(env: Record<string, string>, kill?: CliKill): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', watchdog, JSON.stringify(kill ?? null)], {
      cwd: join(__dirname, '..', '..', '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const { stdout: out, stderr: err } = child;
    if (!out || !err) return reject(new Error('sync CLI watchdog started without pipes'));
    const started: Partial<Record<Phase, number>> = { startup: Date.now() };
    const durations: Partial<Record<Phase, number>> = {};
    const batches: Partial<Record<Phase, number>> = {};
    let lastProgress = 'startup';
    let stdout = '';
    let stderr = '';
    let read = 0;
    let result: WatchdogResult | undefined;
    out.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const complete = stdout.lastIndexOf('\n') + 1;
      for (const line of stdout.slice(read, complete).split('\n')) {
        const progress = parseProgress(line);
        if (!progress) continue;
        const { phase, state } = progress;
        const at = Date.now();
        lastProgress = state === 'done' ? `${phase} done` : phase;
        if (state === 'batch') batches[phase] = (batches[phase] ?? 0) + 1;
        else if (state === 'done') durations[phase] = at - (started[phase] ?? at);
        else if (started[phase] === undefined) {
          if (phase === 'customers') durations.startup = at - (started.startup ?? at);
          started[phase] = at;
          batches[phase] = 0;
        }
      }
      read = complete;
    });
    err.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('message', (message) => (result = message as WatchdogResult));
    child.on('error', reject);
    child.on('close', () => {
      if (!result) return reject(new Error(`sync CLI watchdog ended without a result:\n${stdout}\n${stderr}`));
      if (result.hung) return reject(new Error(`sync CLI hung:\n${stdout}\n${stderr}`));
      resolve({ killed: result.killed, code: result.code, lastProgress, durations, batches, stdout, stderr });
    });
  });
}
