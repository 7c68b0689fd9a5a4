import { InvocationContext } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import '../../functions/helpers/record-routes-only';
import { createSyncRequestHandler } from '../../../functions/sync-request';
import type { SyncRunStore } from '../../../shared/sync/sync-ports';
import { createSyncRequests } from '../../../shared/sync/sync-requests';
import type { SyncService } from '../../../shared/sync/sync-service';
import { Redactor } from '../../../shared/telemetry/redactor';

/** sync_run as far as a delivery reads it: the one request POST /sync/run issued. */
function requests(issued: string) {
  const runs: string[] = [];
  const store = { requestState: async (id: string) => (id === issued ? 'queued' : null) } as unknown as SyncRunStore;
  const sync = {
    run: async ({ runId }: { runId?: string }) => (runs.push(runId ?? ''), { status: 'succeeded' }),
  } as unknown as SyncService;
  const service = createSyncRequests({ runs: async () => store, queue: { send: async () => undefined }, sync, redact: (t) => t });
  return { service, runs };
}

describe('sync requests from the queue', () => {
  it('drops a message whose request id was never issued, with a log line, and runs nothing', async () => {
    const issued = '0b6f4c1e-3f3e-4a55-9a3c-2f0e8f7e1a11';
    const forged = '7d9b2a40-1c8e-4f7a-b5a2-9c1d3e5f7a90';
    const { service, runs } = requests(issued);
    const logged: string[] = [];
    const handler = createSyncRequestHandler(() => ({ syncRequests: service, redactor: new Redactor(() => []) }));
    const context = new InvocationContext({ invocationId: 'q', functionName: 'sync-request', logHandler: (_l, ...args) => void logged.push(args.map(String).join(' ')) });
    await handler({ requestId: forged }, context);
    expect(runs).toEqual([]);
    expect(logged).toEqual([`sync-request ${forged}: dropped: no sync request with this id was ever issued (POST /sync/run records each one first)`]);
    await handler({ requestId: issued }, context);
    expect(runs).toEqual([issued]);
  });
});
