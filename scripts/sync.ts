import { parseArgs } from 'node:util';
import { createApp } from '../shared/composition/create-app';
import { getSettings } from '../shared/config';
import { DatabaseInUseError } from '../shared/db/pglite/directory-lock';
import type { SyncProgress } from '../shared/sync/sync-engine';
import { formatSummaryTable } from '../shared/sync/summary-table';

const usage = `usage: npm run sync -- [--full] [--json] [--verbose]
  --full     rescan every entity from the start (ignores checkpoints and change tracking)
  --json     print only the JSON run summary
  --verbose  without a terminal, print a line per committed batch, not only when a pass starts and ends
exit codes: 0 succeeded or partial (continues next run), 1 failed, 2 another run is in progress or
another process (the dev host) holds the embedded databases`;

/**
 * On a terminal, one bar per entity. Otherwise (logs, pipes) a line when a pass starts and ends,
 * and with `verbose` a line per committed batch, which is what a log reader or a supervisor
 * watching the run can act on.
 */
function progressPrinter(tty: boolean, verbose: boolean): (p: SyncProgress) => void {
  const width = 30;
  return (p) => {
    const total = p.estimate ?? 0;
    const count = `${p.read.toLocaleString('en-US')}${total ? `/${total.toLocaleString('en-US')}` : ''}`;
    if (tty) {
      const filled = total ? Math.min(width, Math.round((p.read / total) * width)) : 0;
      const bar = p.done ? '#'.repeat(width) : `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
      process.stdout.write(`\r${p.entity.padEnd(10)} [${bar}] ${count}${p.done ? '\n' : ''}`);
    } else if (p.read === 0 || p.done) {
      console.log(`${p.entity}: ${p.done ? 'done' : 'started'} ${count}`);
    } else if (verbose) {
      console.log(`${p.entity}: batch ${count}`);
    }
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { full: { type: 'boolean' }, json: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const json = values.json === true;
  const app = createApp(getSettings());
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const outcome = await app.sync.run({
      trigger: 'cli',
      full: values.full === true,
      signal: controller.signal,
      ...(json ? {} : { onProgress: progressPrinter(process.stdout.isTTY === true, values.verbose === true) }),
    });
    if (outcome.status === 'already-running') {
      console.error('sync: another sync run is in progress (timer, API or another CLI); try again later');
      return 2;
    }
    console.log(json ? JSON.stringify(outcome, null, 2) : `\n${formatSummaryTable(outcome)}`);
    return outcome.status === 'failed' ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    // Like a run holding the sync lock: the mirror is busy, not broken, and the holder keeps it synced.
    process.exit(error instanceof DatabaseInUseError ? 2 : 1);
  },
);
