import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BulkRow, BulkTable } from '../bulk-table';
import type { PGliteSource } from './create-pglite';
import type { PGliteSession, SessionResult } from './pglite-session';
import { fromWorkerError, startReplyId, type WorkerReply, type WorkerRequest } from './pglite-worker-protocol';

type Pending = { resolve: (value: SessionResult<unknown> | undefined) => void; reject: (error: Error) => void; stack: string | undefined };
type Outgoing = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/*
 * The worker runs this folder's pglite-worker module: compiled JavaScript beside this file in dist/,
 * TypeScript when this file is TypeScript (tsx, vitest). A worker does not inherit tsx's loader
 * hooks on Node 20, so a TypeScript worker first registers tsx's require hook itself.
 */
const workerFile = join(__dirname, `pglite-worker${extname(__filename)}`);
const startWorker = (workerData: PGliteSource): Worker =>
  extname(workerFile) === '.ts'
    ? new Worker(`require(${JSON.stringify(createRequire(__filename).resolve('tsx/cjs'))}); require(${JSON.stringify(workerFile)});`, { eval: true, workerData })
    : new Worker(workerFile, { workerData });

/**
 * A PGlite engine in its own worker thread. Its WebAssembly work (parsing, planning, executing,
 * COPY) then runs beside the main thread's JavaScript instead of blocking it, so an HTTP server in
 * the main thread keeps answering while a sync reads and writes. Messages carry SQL and parameters
 * one way and rows back (structured clone keeps Dates, bigints and byte arrays); COPY rows travel
 * as values and become CSV in the worker; errors keep their Postgres code and fields.
 */
export class PGliteWorkerSession implements PGliteSession {
  readonly ready: Promise<void>;
  /** Settles with the thread's exit code once it has ended, however it ended. */
  readonly exited: Promise<number>;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = startReplyId + 1;
  #ended: Error | undefined;
  #closing: Promise<void> | undefined;

  constructor(source: PGliteSource) {
    this.#worker = startWorker(source);
    this.ready = new Promise<void>((resolve, reject) => {
      this.#pending.set(startReplyId, { resolve: () => resolve(), reject, stack: new Error().stack });
    });
    // A failed start is reported by whoever awaits the session; keep it from being unhandled meanwhile.
    this.ready.catch(() => undefined);
    this.#worker.on('message', (reply: WorkerReply) => this.#settle(reply));
    this.#worker.on('error', (error) => this.#end(error));
    this.exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    this.#worker.on('exit', (code) => this.#end(new Error(`The PGlite worker thread exited (code ${code})`)));
  }

  async query<R>(sql: string, parameters: readonly unknown[]): Promise<SessionResult<R>> {
    return (await this.#send({ op: 'query', sql, parameters })) as SessionResult<R>;
  }

  async bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#send({ op: 'bulkLoad', table, rows });
  }

  /** Closes the engine (its data directory is flushed and released), then ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        if (!this.#ended) await this.#send({ op: 'close' });
      } catch (error) {
        // A thread that already ended (an engine that never started) has nothing left to close.
        if (!this.#ended) throw error;
      } finally {
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }

  #send(request: Outgoing): Promise<SessionResult<unknown> | undefined> {
    if (this.#ended) return Promise.reject(this.#ended);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, stack: new Error().stack });
      this.#worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  #settle(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(fromWorkerError(reply.error, pending.stack));
  }

  /** The thread is gone (closed, crashed or terminated): nothing pending will be answered. */
  #end(error: Error): void {
    this.#ended ??= error;
    for (const pending of this.#pending.values()) pending.reject(this.#ended);
    this.#pending.clear();
  }
}
