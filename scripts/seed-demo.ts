import { parseArgs } from 'node:util';
import { getSettings } from '../shared/config';
import { openDatabase } from '../shared/db/open-database';
import type { ErpDatabase } from '../shared/db/schema/erp-tables';
import {
  demoDefaults,
  ensureErpTables,
  maxDemoCustomers,
  maxDemoDays,
  seedDemoErp,
  type DemoCounts,
  type DemoOptions,
  type DemoProgress,
} from '../shared/demo';

const usage =
  'Usage: npm run seed:demo -- [--customers N] [--days D] [--seed S] [--replace]\n' +
  `  --customers  customers to create (1..${maxDemoCustomers}, default ${demoDefaults.customers})\n` +
  `  --days       days of order history ending today (1..${maxDemoDays}, default ${demoDefaults.days})\n` +
  `  --seed       random seed (0..4294967295, default ${demoDefaults.seed})\n` +
  '  --replace    truncate a non-empty demo ERP first (never use on a real ERP)';

class UsageError extends Error {}

function integerFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}; got "${value}"`);
  }
  return number;
}

function parseOptions(args: string[]): DemoOptions & { help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        customers: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        replace: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help,
    customers: integerFlag('customers', values.customers, 1, maxDemoCustomers),
    days: integerFlag('days', values.days, 1, maxDemoDays),
    seed: integerFlag('seed', values.seed, 0, 0xffffffff),
    replace: values.replace,
  };
}

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
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage);
    return;
  }
  const settings = getSettings();
  const started = performance.now();
  const database = await openDatabase<ErpDatabase>({
    setting: 'ERP_CONNECTION',
    connection: settings.ERP_CONNECTION,
    azureClientId: settings.AZURE_CLIENT_ID,
  });
  const progress = progressPrinter(process.stdout);
  try {
    if (await ensureErpTables(database)) console.log('Created the ERP tables.');
    const counts = await seedDemoErp(database, { ...options, onProgress: progress.update });
    progress.end();
    console.log(`Seeded the demo ERP in ${((performance.now() - started) / 1000).toFixed(1)} s:\n${countsTable(counts)}`);
  } finally {
    progress.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`seed:demo failed: ${message}`);
  if (error instanceof UsageError) console.error(usage);
  process.exitCode = 1;
});
