import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseProgress, type CliKill, type WatchdogResult } from './sync-cli-progress';

/**
 * Runs `npm run sync -- --verbose` as one process and SIGKILLs it at the point the plan names,
 * counted in the CLI's own progress lines. It runs as a process of its own because the test
 * process is busy with PGlite work between trials: a kill scheduled there can arrive seconds late,
 * after the run has finished; this process does nothing but read the pipe, so the kill follows the
 * line within milliseconds, while the batch after it is still running.
 *
 * argv[2]: the plan as JSON (a CliKill, or null for a run to completion). The result goes back over
 * the IPC channel; the CLI's output is forwarded unchanged.
 */
const root = join(__dirname, '..', '..', '..');
const plan = JSON.parse(process.argv[2] ?? 'null') as CliKill | null;
const hangMs = 300_000;

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'sync.ts'), '--verbose'], {
  cwd: root,
  env: process.env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let hung = false;
const timers = [setTimeout(() => (hung = child.kill('SIGKILL')), hangMs)];
const killAfter = (ms: number) => timers.push(setTimeout(() => child.kill('SIGKILL'), ms));
// The test process died or gave up: the CLI must not go on writing to the directories.
process.on('disconnect', () => child.kill('SIGKILL'));

let armed = false;
const arm = () => {
  if (!armed && plan) killAfter(plan.afterMs);
  armed = true;
};
if (plan?.phase === 'startup') arm();

let pending = '';
let batches = 0;
child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
  process.stdout.write(chunk);
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const progress = parseProgress(line);
    if (!progress || !plan || progress.phase !== plan.phase) continue;
    // The pass ended before the planned batch (fewer batches than in the calibration): kill now,
    // while the rest of the run is still ahead.
    if (progress.state === 'done') arm();
    else if (progress.state === 'batch' && ++batches >= plan.batch) arm();
    else if (progress.state === 'started' && plan.batch === 0) arm();
  }
});

child.on('close', (code, signal) => {
  for (const timer of timers) clearTimeout(timer);
  const result: WatchdogResult = { code, killed: signal === 'SIGKILL' && !hung, hung };
  process.send?.(result, () => process.exit(0));
});
