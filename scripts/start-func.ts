import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startAzurite } from './lib/azurite-process';

const root = join(__dirname, '..');

function hasCoreTools(): boolean {
  return spawnSync('func', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0;
}

/** `npm run start:func`: build, start Azurite for AzureWebJobsStorage, then the real Functions host. */
async function main(): Promise<number> {
  if (!hasCoreTools()) {
    console.error(
      [
        'Azure Functions Core Tools v4 (`func`) were not found on PATH.',
        'Install them: npm i -g azure-functions-core-tools@4 --unsafe-perm true',
        '  (or see https://learn.microsoft.com/azure/azure-functions/functions-run-local).',
        'You do not need them for local development: `npm start` runs the same handlers in the dev host.',
      ].join('\n'),
    );
    return 1;
  }
  const localSettings = join(root, 'local.settings.json');
  if (!existsSync(localSettings)) {
    copyFileSync(join(root, 'local.settings.sample.json'), localSettings);
    console.log('Created local.settings.json from local.settings.sample.json (git-ignored; edit it freely).');
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) return build.status ?? 1;
  const azurite = await startAzurite(root, join(root, '.azurite'));
  console.log(`Azurite listening on blob ${azurite.ports.blob}, queue ${azurite.ports.queue}, table ${azurite.ports.table}`);
  const func = spawn('func', ['start'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const shutdown = () => func.kill('SIGINT');
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const code = await new Promise<number>((resolve) => func.once('exit', (c) => resolve(c ?? 0)));
  await azurite.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
