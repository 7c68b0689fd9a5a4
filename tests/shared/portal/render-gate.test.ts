import { describe, expect, it } from 'vitest';
import { PortalError } from '../../../shared/portal/portal-error';
import { createRenderGate } from '../../../shared/portal/render-gate';

/** Blocks the event loop for a moment, as a PDF render's drawing does. */
const blockingWork = (log: string[], name: string) => async () => {
  log.push(`start ${name}`);
  const until = Date.now() + 5;
  while (Date.now() < until);
  log.push(`end ${name}`);
  return name;
};

describe('render gate', () => {
  it('runs one render at a time and lets queued I/O in between renders', async () => {
    const gate = createRenderGate({ concurrent: 1, waiting: 10 });
    const log: string[] = [];
    const renders = ['a', 'b', 'c'].map((name) => gate.run(blockingWork(log, name)));
    // A request that arrives while the first render draws: it must not wait for all three.
    setImmediate(() => log.push('health'));
    expect(await Promise.all(renders)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'health', 'start b', 'end b', 'start c', 'end c']);
  });

  it('refuses a render beyond the waiting room with a retryable UNAVAILABLE, and recovers', async () => {
    const gate = createRenderGate({ concurrent: 1, waiting: 2 });
    const log: string[] = [];
    const accepted = [gate.run(blockingWork(log, '1')), gate.run(blockingWork(log, '2')), gate.run(blockingWork(log, '3'))];
    const refused = await gate.run(blockingWork(log, '4')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PortalError);
    expect(refused).toMatchObject({ code: 'UNAVAILABLE' });
    await Promise.all(accepted);
    expect(await gate.run(blockingWork(log, '5'))).toBe('5');
    expect(log.filter((line) => line.startsWith('start'))).toEqual(['start 1', 'start 2', 'start 3', 'start 5']);
  });
});
