import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs a bench phase script in a child process with `env` and returns its @@bench report. */
export function runPhase<T>(script: string, env: Record<string, string>, echo: boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, join(root, 'scripts', script)], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (echo) process.stdout.write(chunk);
    });
    child.once('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('@@bench '));
      if (code !== 0 || !line) reject(new Error(`${script} exited with code ${code}`));
      else resolve(JSON.parse(line.slice('@@bench '.length)) as T);
    });
  });
}
