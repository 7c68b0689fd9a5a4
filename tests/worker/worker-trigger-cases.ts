import { expect } from 'vitest';
import { withKey } from '../functions/helpers/invoke';
import type { HttpAnswer, HttpCall } from '../host/http-cases';
import { credentials } from './worker-app';
import type { Message } from './worker-host';
import type { QueueDelivery, WorkerQueue } from './worker-queue';
import type { TriggerInput } from './worker-session';

/** What the suite gives a trigger case: HTTP functions invoked through the worker, and Azurite's queue. */
export interface TriggerContext {
  readonly queue: WorkerQueue;
  http(name: string, call: HttpCall): Promise<HttpAnswer>;
}

/** What the host sends for one invocation: the trigger's input binding and the trigger metadata. */
export interface Delivery {
  readonly input: TriggerInput;
  readonly triggerMetadata?: Message;
  /** The queue message behind it, for queue triggers. */
  readonly queued?: QueueDelivery;
}

export interface TriggerCase {
  readonly function: string;
  readonly title: string;
  /** Plays the host up to the invocation and returns what it would send. */
  deliver(context: TriggerContext): Promise<Delivery>;
  /** Checks the run's effect once the worker answered Success. */
  verify(context: TriggerContext & { readonly delivery: Delivery }): Promise<void>;
}

const admin = () => withKey(credentials.adminKey);

/** POST /v1/sync/run through the worker, then the host's first delivery of the message it enqueued. */
async function requestSync({ http, queue }: TriggerContext, visibilityTimeout: number): Promise<QueueDelivery> {
  const answer = await http('sync-run', { method: 'POST', path: 'v1/sync/run', headers: admin() });
  expect(answer.status, answer.body).toBe(202);
  const queued = await queue.receive(visibilityTimeout);
  expect(JSON.parse(queued.text)).toEqual({ requestId: answer.json.data.requestId });
  expect(queued.message.dequeueCount).toBe(1);
  return queued;
}

/**
 * What the Functions host suite cannot show in CI time: a delivery whose process died comes back
 * only when the host's 10-minute message lease runs out. Here the first delivery's short visibility
 * stands in for it, and the redelivery (DequeueCount 2) must complete the request.
 */
export const redeliveryCase: TriggerCase = {
  function: 'sync-request',
  title: 'a delivery whose process died comes back with DequeueCount 2 and completes',
  async deliver(context) {
    const killed = await requestSync(context, 1);
    const again = await context.queue.receive(240);
    expect(again.message.messageId).toBe(killed.message.messageId);
    expect(again.message.dequeueCount).toBe(2);
    return { input: again.input, triggerMetadata: again.triggerMetadata, queued: again };
  },
  async verify({ http, queue, delivery }) {
    const queued = delivery.queued as QueueDelivery;
    await queue.complete(queued.message);
    const { requestId } = JSON.parse(queued.text) as { requestId: string };
    const status = await http('sync-status', { path: 'v1/sync/status', headers: admin() });
    expect(status.json.data.runs).toContainEqual(expect.objectContaining({ runId: requestId, trigger: 'api', status: 'succeeded' }));
    expect(await queue.peek()).toEqual([]);
  },
};
