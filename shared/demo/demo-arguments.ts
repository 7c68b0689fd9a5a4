import { parseArgs } from 'node:util';
import { demoDefaults, maxDemoCustomers, maxDemoDays, type DemoOptions } from './demo-options';

export const demoUsage =
  'Usage: npm run seed:demo -- [--customers N] [--days D] [--seed S] [--replace]\n' +
  `  --customers  customers to create (1..${maxDemoCustomers}, default ${demoDefaults.customers})\n` +
  `  --days       days of order history ending today (1..${maxDemoDays}, default ${demoDefaults.days})\n` +
  `  --seed       random seed (0..4294967295, default ${demoDefaults.seed})\n` +
  '  --replace    truncate a non-empty demo ERP first (never use on a real ERP)';

/** Bad command-line input: the caller prints the message and the usage. */
export class DemoUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoUsageError';
  }
}

function integerFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new DemoUsageError(`--${name} must be an integer from ${min} to ${max}; got "${value}"`);
  }
  return number;
}

export type DemoArguments = Pick<DemoOptions, 'customers' | 'days' | 'seed' | 'replace'> & { readonly help: boolean };

/** `seed:demo` flags, validated: positive integers only, unknown flags rejected. */
export function parseDemoArguments(args: readonly string[]): DemoArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
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
    throw new DemoUsageError((error as Error).message);
  }
  return {
    help: values.help,
    customers: integerFlag('customers', values.customers, 1, maxDemoCustomers),
    days: integerFlag('days', values.days, 1, maxDemoDays),
    seed: integerFlag('seed', values.seed, 0, 0xffffffff),
    replace: values.replace,
  };
}
