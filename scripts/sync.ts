import { parseArgs } from 'node:util';
import { portalRuntime } from '../shared/composition/portal-runtime';
import { syncService } from '../shared/composition/sync-composition';
import type { SyncProgress } from '../shared/sync/sync-engine';
import { formatSummaryTable } from '../shared/sync/summary-table';

const usage = `usage: npm run sync -- [--full] [--json]
  --full   rescan every entity from the start (ignores checkpoints and change tracking)
  --json   print only the JSON run summary
exit codes: 0 succeeded or partial (continues next run), 1 failed, 2 another run is in progress`;

function progressPrinter(tty: boolean): (p: SyncProgress) => void {
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
    }
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { full: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const json = values.json === true;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    const outcome = await syncService().run({
      trigger: 'cli',
      full: values.full === true,
      signal: controller.signal,
      ...(json ? {} : { onProgress: progressPrinter(process.stdout.isTTY === true) }),
    });
    if (outcome.status === 'already-running') {
      console.error('sync: another sync run is in progress (timer, API or another CLI); try again later');
      return 2;
    }
    console.log(json ? JSON.stringify(outcome, null, 2) : `\n${formatSummaryTable(outcome)}`);
    return outcome.status === 'failed' ? 1 : 0;
  } finally {
    await portalRuntime().close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
