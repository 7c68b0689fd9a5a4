import { describe, expect, it } from 'vitest';
import { InProcessSyncQueue } from '../../../shared/queue/in-process-sync-queue';

describe('the in-process sync queue (dev host, no storage account)', () => {
  it('delivers in the background, again after a failure, until the dequeue limit', async () => {
    const deliveries: [string, number][] = [];
    const errors: string[] = [];
    const queue = new InProcessSyncQueue({
      consume: async ({ requestId }, dequeueCount) => {
        deliveries.push([requestId, dequeueCount]);
        if (requestId === 'flaky' && dequeueCount < 2) throw new Error('busy');
        if (requestId === 'stuck') throw new Error('always busy');
      },
      maxDequeueCount: 3,
      retryDelayMs: 1,
      onError: (error, { requestId }) => errors.push(`${requestId}: ${String(error)}`),
    });
    await queue.send({ requestId: 'flaky' });
    await queue.send({ requestId: 'stuck' });
    await expect.poll(() => errors, { timeout: 10_000 }).toEqual(['stuck: Error: always busy']);
    await queue.close();
    expect(deliveries.filter(([id]) => id === 'flaky')).toEqual([['flaky', 1], ['flaky', 2]]);
    expect(deliveries.filter(([id]) => id === 'stuck')).toEqual([['stuck', 1], ['stuck', 2], ['stuck', 3]]);
    await expect(queue.send({ requestId: 'late' })).rejects.toThrow(/closed/);
  });
});
