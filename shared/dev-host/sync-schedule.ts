import { nextOccurrence } from './ncrontab';

/** setTimeout's longest delay; a longer one overflows and fires at once. */
const maxTimerMs = 2 ** 31 - 1;

/**
 * Runs `tick` on an NCRONTAB schedule, like the Functions timer does in Azure. A tick that is still
 * running when the next one is due is not overlapped: the sync's own lock would refuse it anyway.
 * An occurrence more than ~24.8 days away (a monthly or yearly schedule) is reached in steps.
 */
export function scheduleSync(expression: string, tick: () => Promise<void>, now: () => Date = () => new Date()): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const waitFor = (due: Date) => {
    if (stopped) return;
    const delay = due.getTime() - now().getTime();
    timer =
      delay > maxTimerMs
        ? setTimeout(() => waitFor(due), maxTimerMs)
        : setTimeout(() => void tick().finally(arm), Math.max(0, delay));
    timer.unref();
  };
  const arm = () => waitFor(nextOccurrence(expression, now()));
  arm();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
