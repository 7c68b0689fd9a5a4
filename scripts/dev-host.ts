import { getSettings } from '../shared/config';
import { describeDevHost } from '../shared/dev-host/describe-dev-host';
import { startDevHost } from '../shared/dev-host/dev-host';

/** `npm start`: the API's functions served locally on PORT (7071). */
async function main(): Promise<void> {
  const settings = getSettings();
  const host = await startDevHost({ port: settings.PORT, settings });
  console.log(describeDevHost(host));
  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
