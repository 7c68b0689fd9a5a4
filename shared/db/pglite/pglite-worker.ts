import { parentPort, workerData } from 'node:worker_threads';
import { createPglite, type PGliteSource } from './create-pglite';
import { inProcessSession, type PGliteSession } from './pglite-session';
import { startReplyId, toWorkerError, type WorkerReply, type WorkerRequest } from './pglite-worker-protocol';

/**
 * The body of a PGlite engine's worker thread (started by pglite-worker-session.ts): it opens the
 * engine, then answers requests one at a time in arrival order. The main thread's driver already
 * serialises callers (one session), so order here is the order Kysely sent.
 */
async function serve(port: NonNullable<typeof parentPort>, source: PGliteSource): Promise<void> {
  let session: PGliteSession;
  try {
    session = inProcessSession(await createPglite(source));
    await session.ready;
  } catch (error) {
    port.postMessage({ id: startReplyId, ok: false, error: toWorkerError(error) } satisfies WorkerReply);
    return;
  }
  port.postMessage({ id: startReplyId, ok: true } satisfies WorkerReply);
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      try {
        if (request.op === 'query') {
          const value = await session.query(request.sql, request.parameters);
          port.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply);
        } else if (request.op === 'bulkLoad') {
          await session.bulkLoad(request.table, request.rows);
          port.postMessage({ id: request.id, ok: true } satisfies WorkerReply);
        } else {
          await session.close();
          port.postMessage({ id: request.id, ok: true } satisfies WorkerReply);
          port.close();
        }
      } catch (error) {
        port.postMessage({ id: request.id, ok: false, error: toWorkerError(error) } satisfies WorkerReply);
      }
    });
  });
}

if (!parentPort) throw new Error('pglite-worker.ts runs only as a worker thread (see pglite-worker-session.ts)');
void serve(parentPort, workerData as PGliteSource);
