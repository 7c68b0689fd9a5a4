import { nextOccurrence } from './ncrontab';

/**
 * Runs `tick` on an NCRONTAB schedule, like the Functions timer does in Azure. A tick that is still
 * running when the next one is due is not overlapped: the sync's own lock would refuse it anyway.
 */
export function scheduleSync(expression: string, tick: () => Promise<void>, now: () => Date = () => new Date()): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const delay = Math.max(0, nextOccurrence(expression, now()).getTime() - now().getTime());
    timer = setTimeout(() => void tick().finally(arm), delay);
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
