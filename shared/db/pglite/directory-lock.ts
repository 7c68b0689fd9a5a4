import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class DatabaseInUseError extends Error {
  constructor(directory: string, pid: number) {
    super(
      `The embedded database ${directory} is open in another process (pid ${pid}). ` +
        'Stop it first, or trigger a sync through the running dev host: POST /api/v1/sync/run.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/**
 * A zombie (exited, not yet reaped by its parent) still answers kill(pid, 0) but holds no files. A
 * process killed with its parent stays one until init reaps it, which some container inits never do.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no server to arbitrate access: two processes opening one data directory corrupt it.
 * A pid file beside the directory makes the second opener fail fast with a clear message.
 */
export function lockDirectory(directory: string): () => void {
  const path = `${directory}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(path, { force: true });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseInUseError(directory, holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock ${directory}`);
}
