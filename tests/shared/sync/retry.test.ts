import { describe, expect, it } from 'vitest';
import { backoffDelay, withRetry } from '../../../shared/sync/retry';
import { isTransientError } from '../../../shared/sync/transient-error';

describe('retry', () => {
  it('retries transient failures with growing jittered delays, and gives up on others', async () => {
    const delays: number[] = [];
    let calls = 0;
    const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, isTransient: isTransientError, sleep: async (ms: number) => void delays.push(ms) };
    await expect(withRetry(async () => (++calls < 3 ? Promise.reject({ number: 40501 }) : 'ok'), policy)).resolves.toBe('ok');
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    await expect(withRetry(async () => Promise.reject(new Error('bad')), policy)).rejects.toThrow('bad');
    expect(delays).toHaveLength(2);
    expect(backoffDelay(10, policy)).toBeLessThanOrEqual(1000);
  });
});
