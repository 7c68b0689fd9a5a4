import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncQueueMaxDequeueCount } from '../../../shared/queue/sync-queue-name';

const host = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'host.json'), 'utf8')) as {
  functionTimeout: string;
  extensions: { queues: Record<string, unknown> };
};
const minutes = (span: string) => {
  const [h, m, s] = span.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0) + (s ?? 0) / 60;
};

describe('host.json extensions.queues, as the sync request service relies on it', () => {
  it('gives up on the same attempt as the code, one message at a time, base64 bodies', () => {
    expect(host.extensions.queues).toMatchObject({
      maxDequeueCount: syncQueueMaxDequeueCount,
      batchSize: 1,
      newBatchThreshold: 0,
      messageEncoding: 'base64',
    });
  });

  it('retries a lock-refused request long enough to outlast a run that uses its whole time budget', () => {
    const retryMinutes = minutes(host.extensions.queues.visibilityTimeout as string);
    const defaultBudgetMinutes = 840 / 60;
    expect(retryMinutes * (syncQueueMaxDequeueCount - 1)).toBeGreaterThan(defaultBudgetMinutes);
    expect(minutes(host.functionTimeout)).toBeGreaterThan(defaultBudgetMinutes);
  });
});
