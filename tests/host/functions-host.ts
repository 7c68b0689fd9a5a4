import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Microsoft's Functions host, built from source, from FUNCTIONS_HOST_DIR (relative to the
 * repository root): a folder with `build.sh`, `run-host.sh` and `install-extensions.sh`. CI sets
 * the source-built counterpart; see README "The Functions host suite" for how a user gets one.
 */
export function functionsHostDirectory(appRoot: string): string | undefined {
  const setting = process.env.FUNCTIONS_HOST_DIR?.trim();
  if (!setting) return undefined;
  const directory = resolve(appRoot, setting);
  for (const script of ['build.sh', 'run-host.sh', 'install-extensions.sh']) {
    if (!existsSync(join(directory, script))) throw new Error(`FUNCTIONS_HOST_DIR=${setting}: no ${script} in ${directory}`);
  }
  return directory;
}

/** Builds outside the checkout: the host's own build is idempotent, so a second suite run costs nothing. */
const cacheDirectory = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'erp-portal');

function run(command: string, args: readonly string[], what: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export interface HostBuild {
  /** The folder build.sh wrote. */
  readonly out: string;
  /** The stand-in extension bundle (Storage queues), for host.json's `extensionBundle`. */
  readonly bundle: string;
}

/**
 * `build.sh` into the cache (a no-op when its inputs are unchanged), then the Storage queues
 * extension as a local stand-in for the extension bundle, which Azure downloads from a CDN.
 */
export function buildFunctionsHost(hostDirectory: string): HostBuild {
  const out = join(cacheDirectory(), 'functions-host');
  run('bash', [join(hostDirectory, 'build.sh'), out], 'Building the Functions host');
  const inputs = ['install-extensions.sh', ...readdirSync(join(hostDirectory, 'extensions')).map((f) => join('extensions', f))];
  const stamp = createHash('sha256');
  for (const file of inputs.sort()) stamp.update(readFileSync(join(hostDirectory, file)));
  const bundle = join(cacheDirectory(), `extension-bundle-${stamp.digest('hex').slice(0, 12)}`);
  if (!existsSync(join(bundle, '4.999.0', 'bin', 'extensions.json'))) {
    run('bash', [join(hostDirectory, 'install-extensions.sh'), '--bundle', bundle], 'Installing the Storage queues extension');
  }
  return { out, bundle };
}

export interface HostStart {
  readonly hostDirectory: string;
  readonly build: HostBuild;
  /** The app folder: host.json, package.json, dist/ and node_modules, as deployed. */
  readonly scriptRoot: string;
  readonly port: number;
  /** App settings: the host reads them from its environment (it does not read local.settings.json). */
  readonly settings: Readonly<Record<string, string>>;
  /** Where the host's console log is copied as it arrives (for CI's artifacts). */
  readonly logFile: string;
}

/** One log entry of the host's console logger: `level: category[event]` and its message lines. */
export interface HostLogEntry {
  readonly level: string;
  readonly category: string;
  readonly text: string;
}

const entryStart = /^(trce|dbug|info|warn|fail|crit): ([^\s[]+)\[(\d+)\]$/;

/** The host process (`run-host.sh` execs dotnet; Microsoft's Node.js worker is its child). */
export class FunctionsHost {
  #log = '';
  readonly #exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly origin: string,
    private readonly logFile: string,
  ) {
    writeFileSync(this.logFile, '');
    const append = (chunk: Buffer) => {
      this.#log += chunk.toString('utf8');
      appendFileSync(this.logFile, chunk);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    this.#exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  /** Starts the host and resolves once it has started its job host and answers HTTP. */
  static async start(options: HostStart): Promise<FunctionsHost> {
    const child = spawn('bash', [join(options.hostDirectory, 'run-host.sh'), options.scriptRoot, String(options.port), options.build.out], {
      // Its own process group: a kill reaches the dotnet host and the Node worker together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...options.settings, FUNCTIONS_HOST_BUNDLE_DIR: options.build.bundle, NODE_WORKER_DIR: options.settings.NODE_WORKER_DIR ?? '' },
    });
    const host = new FunctionsHost(child, `http://127.0.0.1:${options.port}`, options.logFile);
    try {
      await host.waitForLog(/Job host started/, 'the job host to start', 240_000);
      await host.waitFor(async () => (await fetch(`${host.origin}/api/v1/health/live`).catch(() => undefined))?.status === 200, 'HTTP', 120_000);
    } catch (error) {
      await host.kill();
      throw error;
    }
    return host;
  }

  get log(): string {
    return this.#log;
  }

  /** The log's entries, parsed. */
  entries(from = 0): HostLogEntry[] {
    const entries: HostLogEntry[] = [];
    for (const line of this.#log.slice(from).split('\n')) {
      const start = entryStart.exec(line);
      if (start) entries.push({ level: start[1] as string, category: start[2] as string, text: '' });
      else if (entries.length > 0) {
        const last = entries[entries.length - 1] as HostLogEntry;
        entries[entries.length - 1] = { ...last, text: last.text ? `${last.text}\n${line.trim()}` : line.trim() };
      }
    }
    return entries;
  }

  /** Names of the functions the host executed since log offset `from`, for the given reason. */
  executed(from: number, reason: 'http' | 'timer' | 'queue'): string[] {
    const reasons = { http: 'This function was programmatically called via the host APIs.', timer: 'Timer fired at', queue: 'New queue message detected' };
    return [...this.#log.slice(from).matchAll(/Executing 'Functions\.([^']+)' \(Reason='([^']*)'/g)]
      .filter((m) => (m[2] as string).startsWith(reasons[reason]))
      .map((m) => m[1] as string);
  }

  async waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number, intervalMs = 100): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !(await check()); await sleep(intervalMs)) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`The host exited while waiting for ${what}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}:\n${this.tail()}`);
    }
  }

  async waitForLog(pattern: RegExp, what: string, timeoutMs: number, from = 0): Promise<RegExpMatchArray> {
    let match: RegExpMatchArray | null = null;
    await this.waitFor(() => (match = pattern.exec(this.#log.slice(from))) !== null, what, timeoutMs);
    return match as unknown as RegExpMatchArray;
  }

  tail(lines = 60): string {
    return this.#log.split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM, as App Service stops an instance; the host drains and exits. */
  async stop(): Promise<number | null> {
    this.signal('SIGTERM');
    const code = await Promise.race([this.#exited, sleep(60_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') return this.kill();
    return code;
  }

  /** SIGKILL to the whole group: the instance dies mid-invocation, as in a crash or a recycle. */
  async kill(): Promise<number | null> {
    this.signal('SIGKILL');
    return this.#exited;
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-(this.child.pid as number), signal);
    } catch {
      // already gone
    }
  }
}
