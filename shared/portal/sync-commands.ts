import { ApiError } from '../http/api-error';
import type { SyncControl } from './sync-control';

/** How long POST /sync/run waits for a quick answer (lock refused, or a tiny run) before answering 202. */
export const syncAnswerWaitMs = 250;

export interface StartedSync {
  /** True when the run ended within the wait: `result` is its summary. */
  readonly finished: boolean;
  readonly result: { readonly status: string };
}

/**
 * Starts a run through the engine's single-flight lock. A run lasts minutes, longer than an HTTP
 * request should, so the answer is `started` unless the engine answers at once; a run that is
 * already going is a 409. Failures after the answer are reported through `onError`.
 */
export async function startSyncRun(control: SyncControl, onError: (error: unknown) => void): Promise<StartedSync> {
  const run = control.run({ trigger: 'api' });
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, syncAnswerWaitMs, undefined);
  });
  try {
    const result = await Promise.race([run, waited]);
    if (result === undefined) {
      run.catch(onError);
      return { finished: false, result: { status: 'started' } };
    }
    if (result.status === 'already-running') throw new ApiError('SYNC_ALREADY_RUNNING', 'A sync run is already in progress.');
    return { finished: true, result };
  } finally {
    clearTimeout(timer);
  }
}
