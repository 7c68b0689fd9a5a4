import { expect } from 'vitest';
import { customerToken, withKey, withToken } from '../functions/helpers/invoke';
import { credentials } from './worker-app';
import type { Message } from './worker-host';
import type { SuiteContext } from './worker-http-cases';
import type { QueueDelivery } from './worker-queue';
import { timerTick, type TriggerInput } from './worker-session';

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
  /** What the worker must index as the function's trigger binding. */
  readonly binding: Message;
  /** Plays the host up to the invocation and returns what it would send. */
  deliver(context: SuiteContext): Promise<Delivery>;
  /** Checks the run's effect once the worker answered Success (`logs`: its log lines for the invocation). */
  verify(context: SuiteContext & { readonly logs: string; readonly delivery: Delivery }): Promise<void>;
}

/** A storefront customer the fake BigCommerce links to an ERP customer only once the link sync ran. */
export const newlyLinkedBcId = 7002;

const admin = () => withKey(credentials.adminKey);
const timer = async (): Promise<Delivery> => ({ input: timerTick });
const syncQueueBinding = { type: 'queueTrigger', queueName: 'sync-requests', connection: 'AzureWebJobsStorage' };

/** POST /v1/sync/run through the worker, then the host's first delivery of the message it enqueued. */
async function requestSync({ http, queue }: SuiteContext, visibilityTimeout: number): Promise<QueueDelivery> {
  const answer = await http('sync-run', { method: 'POST', path: 'v1/sync/run', headers: admin() });
  expect(answer.status, answer.body).toBe(202);
  const queued = await queue.receive(visibilityTimeout);
  expect(JSON.parse(queued.text)).toEqual({ requestId: answer.json.data.requestId });
  expect(queued.message.dequeueCount).toBe(1);
  return queued;
}

const hostDelivery = (queued: QueueDelivery): Delivery => ({ input: queued.input, triggerMetadata: queued.triggerMetadata, queued });

/** After Success the host deletes the message; the request's run must have succeeded. */
async function verifySyncRequest({ http, queue, delivery }: SuiteContext & { readonly delivery: Delivery }): Promise<void> {
  const queued = delivery.queued as QueueDelivery;
  await queue.complete(queued.message);
  const { requestId } = JSON.parse(queued.text) as { requestId: string };
  const status = await http('sync-status', { path: 'v1/sync/status', headers: admin() });
  expect(status.json.data.runs).toContainEqual(expect.objectContaining({ runId: requestId, trigger: 'api', status: 'succeeded' }));
  expect(await queue.peek()).toEqual([]);
}

/**
 * Extension point: at least one case per non-HTTP function. The suite fails while an indexed
 * non-HTTP function (a queue trigger, say) has no case here; a queue case sends the message as the
 * host's queue binding does (`{ string: <message text> }`, with DequeueCount/Id in trigger metadata).
 */
export const triggerCases: readonly TriggerCase[] = [
  {
    function: 'erpSync',
    title: 'a timer tick runs a sync',
    binding: { type: 'timerTrigger', schedule: '%SYNC_SCHEDULE%' },
    deliver: timer,
    async verify({ http, logs }) {
      const runId = /sync succeeded .*\(run ([^)]+)\)/.exec(logs)?.[1];
      expect(runId, logs).toBeDefined();
      const status = await http('sync-status', { path: 'v1/sync/status', headers: admin() });
      expect(status.json.data.runs).toContainEqual(expect.objectContaining({ runId, trigger: 'timer', status: 'succeeded' }));
    },
  },
  {
    function: 'customer-link-sync',
    title: 'a timer tick links new storefront customers',
    binding: { type: 'timerTrigger', schedule: '%SYNC_SCHEDULE%' },
    deliver: timer,
    async verify({ http, logs, bigCommerce, facts }) {
      expect(logs).toContain('customer-link-sync done');
      expect(bigCommerce.requests.map((r) => r.path)).toContain('/customers/attribute-values');
      const me = await http('me-get', { path: 'v1/me', headers: withToken(await customerToken(newlyLinkedBcId)) });
      expect(me.status, me.body).toBe(200);
      expect(me.json.data).toMatchObject({ erpId: facts.custNo, bcCustomerId: newlyLinkedBcId });
    },
  },
  {
    function: 'catalog-sync',
    title: 'a timer tick mirrors the BigCommerce catalog, and order lines carry reorder data',
    binding: { type: 'timerTrigger', schedule: '%SYNC_SCHEDULE%' },
    async deliver({ http, facts, bigCommerce }) {
      // The fake's catalog sells the order's first item, so its line can be bought again.
      const order = await http('order-get', { path: `v1/orders/${facts.orderNo}?customer=${facts.custNo}`, headers: withKey(credentials.apiKey) });
      const itemNo = (order.json.data.lines as { itemNo: string }[])[0]?.itemNo as string;
      bigCommerce.variants = [{ id: 77, productId: 7, sku: itemNo, purchasingDisabled: false }];
      return timer();
    },
    async verify({ http, logs, bigCommerce, facts }) {
      expect(logs).toContain('catalog-sync done');
      expect(bigCommerce.requests.map((r) => r.path)).toContain('/catalog/variants');
      const order = await http('order-get', { path: `v1/orders/${facts.orderNo}?customer=${facts.custNo}`, headers: withKey(credentials.apiKey) });
      expect(order.json.data.lines[0]).toMatchObject({ reorder: { productId: 7, variantId: 77 }, reorderReason: null });
    },
  },
  {
    function: 'sync-request',
    title: 'POST /sync/run puts the request on Azurite’s queue; its delivery runs it',
    binding: syncQueueBinding,
    deliver: async (context) => hostDelivery(await requestSync(context, 240)),
    verify: verifySyncRequest,
  },
  {
    function: 'sync-request',
    title: 'a delivery whose process died comes back with DequeueCount 2 and completes',
    binding: syncQueueBinding,
    async deliver(context) {
      // The first delivery is never completed, as when the instance running it dies; its short
      // visibility timeout stands in for the host's 10 minutes.
      const killed = await requestSync(context, 1);
      const again = await context.queue.receive(240);
      expect(again.message.messageId).toBe(killed.message.messageId);
      expect(again.message.dequeueCount).toBe(2);
      return hostDelivery(again);
    },
    verify: verifySyncRequest,
  },
];
