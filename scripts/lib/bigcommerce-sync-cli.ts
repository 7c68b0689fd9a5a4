import { parseArgs } from 'node:util';
import { createApp, type PortalApp } from '../../shared/composition/create-app';
import { getSettings } from '../../shared/config';

type SyncOutcome<S> = { readonly status: 'skipped'; readonly reason: string } | { readonly status: 'succeeded'; readonly summary: S };

/** One BigCommerce sync CLI (`link-customers`, `sync-catalog`): what differs is the run and how its summary prints. */
export interface BigCommerceSyncCli<S> {
  readonly name: string;
  readonly usage: string;
  run(app: PortalApp): Promise<SyncOutcome<S>>;
  /** The `--json` object: the summary's public fields. */
  json(summary: S): object;
  /** The one line a person reads. */
  line(summary: S): string;
}

async function runCli<S>(cli: BigCommerceSyncCli<S>): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(cli.usage);
    return 0;
  }
  const app = createApp(getSettings());
  try {
    const outcome = await cli.run(app);
    if (outcome.status === 'skipped') {
      console.error(`${cli.name}: ${outcome.reason}`);
      return 1;
    }
    console.log(values.json ? JSON.stringify({ status: outcome.status, ...cli.json(outcome.summary) }, null, 2) : cli.line(outcome.summary));
    return 0;
  } finally {
    await app.close();
  }
}

/** Runs the CLI and exits: 0 when the mirror matches BigCommerce, 1 not configured or failed (nothing changed). */
export function mainBigCommerceSyncCli<S>(cli: BigCommerceSyncCli<S>): void {
  runCli(cli).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${cli.name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
