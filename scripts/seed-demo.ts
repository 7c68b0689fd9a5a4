import { getSettings } from '../shared/config';
import { connectionTarget } from '../shared/db/connection-target';
import { openDatabase } from '../shared/db/open-database';
import type { ErpDatabase } from '../shared/db/schema/erp-tables';
import {
  demoUsage,
  DemoUsageError,
  ensureErpTables,
  parseDemoArguments,
  seedDemoErp,
  type DemoCounts,
  type DemoProgress,
} from '../shared/demo';

/** One line per update when piped (logs stay readable), a single rewritten line on a terminal. */
function progressPrinter(stream: NodeJS.WriteStream): { update: (p: DemoProgress) => void; end: () => void } {
  let open = false;
  return {
    update: ({ table, rows, total }) => {
      const percent = total > 0 ? Math.floor((rows / total) * 100) : 100;
      const text = `${table.padEnd(9)} ${rows.toLocaleString('en-US').padStart(9)} / ${total.toLocaleString('en-US')} (${percent}%)`;
      if (stream.isTTY) {
        stream.write(`\r${text}\x1b[K`);
        open = true;
      } else stream.write(`${text}\n`);
    },
    end: () => {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

function countsTable(counts: DemoCounts): string {
  const width = Math.max(...Object.keys(counts).map((key) => key.length));
  return Object.entries(counts)
    .map(([key, value]) => `  ${key.padEnd(width)}  ${value.toLocaleString('en-US').padStart(9)}`)
    .join('\n');
}

async function main(): Promise<void> {
  const { help, ...options } = parseDemoArguments(process.argv.slice(2));
  if (help) {
    console.log(demoUsage);
    return;
  }
  const settings = getSettings();
  const started = performance.now();
  const target = connectionTarget(settings.ERP_CONNECTION);
  // Never echo an SQL Server connection string: it may hold a password.
  console.log(`Opening the ERP (${target.kind === 'pglite' ? `pglite:${target.directory}` : 'SQL Server'})...`);
  const database = await openDatabase<ErpDatabase>({
    setting: 'ERP_CONNECTION',
    connection: settings.ERP_CONNECTION,
    azureClientId: settings.AZURE_CLIENT_ID,
    caFile: settings.ERP_TLS_CA_FILE,
  });
  const progress = progressPrinter(process.stdout);
  try {
    if (await ensureErpTables(database)) console.log('Created the ERP tables.');
    const seeding = performance.now();
    const counts = await seedDemoErp(database, { ...options, onProgress: progress.update });
    progress.end();
    const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
    console.log(`Seeded the demo ERP in ${seconds(seeding)} s (${seconds(started)} s with opening):\n${countsTable(counts)}`);
  } finally {
    progress.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`seed:demo failed: ${message}`);
  if (error instanceof DemoUsageError) console.error(demoUsage);
  process.exitCode = 1;
});
