import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleSync } from '../../../shared/dev-host/sync-schedule';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

describe('scheduleSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-02-01T00:00:30.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('ticks on every occurrence of the schedule', async () => {
    const tick = vi.fn(async () => undefined);
    const stop = scheduleSync('0 */15 * * * *', tick);
    await vi.advanceTimersByTimeAsync(hourMs);
    expect(tick).toHaveBeenCalledTimes(4);
    stop();
    await vi.advanceTimersByTimeAsync(hourMs);
    expect(tick).toHaveBeenCalledTimes(4);
  });

  it('waits for an occurrence beyond setTimeout’s 24.8-day limit instead of ticking at once', async () => {
    const tick = vi.fn(async () => undefined);
    const stop = scheduleSync('0 0 0 1 1 *', tick);
    await vi.advanceTimersByTimeAsync(300 * dayMs);
    expect(tick).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(34 * dayMs);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(new Date().getUTCFullYear()).toBe(2027);
    stop();
  });
});
