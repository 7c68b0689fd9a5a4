import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * The host's side of Microsoft's Node.js language worker protocol (FunctionRpc.proto in the worker's
 * folder), enough to index, load and invoke a function app the way the Functions host does. Messages
 * are plain objects as @grpc/proto-loader decodes them: camelCase fields, enums as names, `content`
 * naming the oneof member that is set.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = Record<string, any>;

export interface WorkerHostOptions {
  /** The worker's folder: `dist/src/nodejsWorker.js`, `worker.config.json` and `proto/`. */
  readonly workerDirectory: string;
  /** The function app's root (host.json, package.json): the worker's working directory. */
  readonly appDirectory: string;
  /** App settings, passed as the worker's environment as the host does. */
  readonly environment: Readonly<Record<string, string>>;
  /** Node options before the worker script (the host's `languageWorkers__node__arguments`). */
  readonly nodeArguments?: readonly string[];
  /** How long to wait for any one answer from the worker, in milliseconds. */
  readonly answerTimeoutMs?: number;
}

interface Waiter {
  readonly accepts: (message: Message) => boolean;
  readonly resolve: (message: Message) => void;
  readonly reject: (error: Error) => void;
}

export class WorkerHost {
  /** Every message the worker sent, in order (logs included). */
  readonly received: Message[] = [];
  /** The worker process's stdout and stderr, for failure messages. */
  output = '';
  #server = new grpc.Server();
  #stream: grpc.ServerDuplexStream<Message, Message> | undefined;
  #waiters: Waiter[] = [];
  #process: ChildProcess | undefined;
  #exited: Promise<number | null> = Promise.resolve(null);

  private constructor(private readonly options: WorkerHostOptions) {}

  /** Starts a gRPC server, then the worker process, and waits for the worker's StartStream. */
  static async start(options: WorkerHostOptions): Promise<WorkerHost> {
    const host = new WorkerHost(options);
    await host.#listenAndSpawn();
    return host;
  }

  async #listenAndSpawn(): Promise<void> {
    const definition = protoLoader.loadSync(join(this.options.workerDirectory, 'proto', 'FunctionRpc.proto'), {
      enums: String,
      longs: String,
      oneofs: true,
      includeDirs: [join(this.options.workerDirectory, 'proto')],
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rpc = (grpc.loadPackageDefinition(definition) as any).AzureFunctionsRpcMessages.FunctionRpc;
    this.#server.addService(rpc.service, {
      EventStream: (stream: grpc.ServerDuplexStream<Message, Message>) => {
        this.#stream = stream;
        stream.on('data', (message: Message) => this.#receive(message));
        stream.on('error', () => undefined);
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      this.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    const workerId = randomUUID();
    const requestId = randomUUID();
    // The command line the host builds from worker.config.json (defaultExecutablePath + defaultWorkerPath).
    const child = spawn(
      process.execPath,
      [
        ...(this.options.nodeArguments ?? []),
        join(this.options.workerDirectory, 'dist', 'src', 'nodejsWorker.js'),
        '--functions-uri', `http://127.0.0.1:${port}/`,
        '--functions-worker-id', workerId,
        '--functions-request-id', requestId,
        '--functions-grpc-max-message-length', String(2_147_483_647),
      ],
      { cwd: this.options.appDirectory, env: { ...this.options.environment }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#process = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.#exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        // A worker that refuses this Node.js version, or crashes, fails every pending wait at once.
        for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error(`The worker exited with code ${code}. Its output:\n${this.output}`));
        resolve(code);
      }),
    );
    const start = await this.next((m) => m.content === 'startStream', 'StartStream');
    if (start.startStream.workerId !== workerId) throw new Error(`StartStream from worker ${start.startStream.workerId}, expected ${workerId}`);
  }

  #receive(message: Message): void {
    this.received.push(message);
    const index = this.#waiters.findIndex((w) => w.accepts(message));
    if (index >= 0) this.#waiters.splice(index, 1)[0]?.resolve(message);
  }

  /** Resolves with the next message the predicate accepts (one already received counts only if nobody took it). */
  next(accepts: (message: Message) => boolean, what: string): Promise<Message> {
    const timeoutMs = this.options.answerTimeoutMs ?? 300_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`No ${what} from the worker within ${timeoutMs / 1000} s. Worker output:\n${this.output}`));
      }, timeoutMs);
      const waiter: Waiter = {
        accepts,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(waiter);
    });
  }

  /** Sends one message and waits for the answer of the given kind carrying the same request id. */
  async request(content: string, body: Message, answer: string): Promise<Message> {
    const requestId = randomUUID();
    const answered = this.next((m) => m.content === answer && m.requestId === requestId, answer);
    this.send({ requestId, [content]: body });
    return (await answered)[answer];
  }

  send(message: Message): void {
    if (!this.#stream) throw new Error('The worker has not opened its event stream');
    this.#stream.write(message);
  }

  /** Log lines the worker sent for one invocation. */
  logsOf(invocationId: string): Message[] {
    return this.received.filter((m) => m.content === 'rpcLog' && m.rpcLog.invocationId === invocationId).map((m) => m.rpcLog);
  }

  /** WorkerTerminate with a grace period, as the host does on shutdown; resolves with the exit code. */
  async terminate(graceSeconds = 10): Promise<number | null> {
    if (this.#stream && this.#process?.exitCode === null) {
      this.send({ requestId: randomUUID(), workerTerminate: { gracePeriod: { seconds: String(graceSeconds), nanos: 0 } } });
    }
    const killer = setTimeout(() => this.#process?.kill('SIGKILL'), (graceSeconds + 20) * 1000);
    const code = await this.#exited;
    clearTimeout(killer);
    this.#server.forceShutdown();
    return code;
  }
}
