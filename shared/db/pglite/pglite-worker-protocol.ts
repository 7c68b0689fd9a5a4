import type { BulkRow, BulkTable } from '../bulk-table';
import type { SessionResult } from './pglite-session';

/** What the main thread asks the engine's worker (pglite-worker.ts); `id` pairs each request with its reply. */
export type WorkerRequest =
  | { readonly id: number; readonly op: 'query'; readonly sql: string; readonly parameters: readonly unknown[] }
  | { readonly id: number; readonly op: 'bulkLoad'; readonly table: BulkTable; readonly rows: readonly BulkRow[] }
  | { readonly id: number; readonly op: 'close' };

/**
 * An engine error as data: structured clone keeps only an Error's message, so the Postgres fields
 * (code, severity, detail, constraint, …) travel as a record and are put back on the rebuilt error.
 */
export interface WorkerError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
}

/** The worker's answer to request `id`; id 0 answers the start (the engine is open, or why not). */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value?: SessionResult<unknown> }
  | { readonly id: number; readonly ok: false; readonly error: WorkerError };

export const startReplyId = 0;

export function toWorkerError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), stack: undefined, fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) fields[name] = value as string | number | boolean;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

/** The engine's error rebuilt in the caller's thread: same name, message and Postgres fields; both stacks. */
export function fromWorkerError(error: WorkerError, callerStack: string | undefined): Error {
  const rebuilt = Object.assign(new Error(error.message), error.fields);
  Object.defineProperty(rebuilt, 'name', { value: error.name, enumerable: false, configurable: true, writable: true });
  rebuilt.stack = `${error.stack ?? `${error.name}: ${error.message}`}\n    --- in the PGlite worker thread, called from ---\n${callerStack ?? ''}`;
  return rebuilt;
}
