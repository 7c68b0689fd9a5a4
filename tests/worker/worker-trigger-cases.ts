import { expect } from 'vitest';
import { customerToken, withKey, withToken } from '../functions/helpers/invoke';
import { credentials } from './worker-app';
import type { Message } from './worker-host';
import type { SuiteContext } from './worker-http-cases';
import { timerTick, type TriggerInput } from './worker-session';

export interface TriggerCase {
  readonly function: string;
  /** What the worker must index as the function's trigger binding. */
  readonly binding: Message;
  /** The input binding the host would send. */
  readonly input: TriggerInput;
  /** Checks the run's effect once the worker answered Success (`logs`: its log lines for the invocation). */
  verify(context: SuiteContext & { readonly logs: string }): Promise<void>;
}

/** A storefront customer the fake BigCommerce links to an ERP customer only once the link sync ran. */
export const newlyLinkedBcId = 7002;

/**
 * Extension point: one case per non-HTTP function. The suite fails while an indexed non-HTTP
 * function (a queue trigger, say) has no case here; a queue case sends the message as the host's
 * queue binding does (`{ string: <message text> }`, with DequeueCount/Id in trigger metadata).
 */
export const triggerCases: readonly TriggerCase[] = [
  {
    function: 'erpSync',
    binding: { type: 'timerTrigger', schedule: '%SYNC_SCHEDULE%' },
    input: timerTick,
    async verify({ http, logs }) {
      const runId = /sync succeeded .*\(run ([^)]+)\)/.exec(logs)?.[1];
      expect(runId, logs).toBeDefined();
      const status = await http('sync-status', { path: 'v1/sync/status', headers: withKey(credentials.adminKey) });
      expect(status.json.data.runs).toContainEqual(expect.objectContaining({ runId, trigger: 'timer', status: 'succeeded' }));
    },
  },
  {
    function: 'customer-link-sync',
    binding: { type: 'timerTrigger', schedule: '%SYNC_SCHEDULE%' },
    input: timerTick,
    async verify({ http, logs, bigCommerce, facts }) {
      expect(logs).toContain('customer-link-sync done');
      expect(bigCommerce.requests.map((r) => r.path)).toContain('/customers/attribute-values');
      const me = await http('me-get', { path: 'v1/me', headers: withToken(await customerToken(newlyLinkedBcId)) });
      expect(me.status, me.body).toBe(200);
      expect(me.json.data).toMatchObject({ erpId: facts.custNo, bcCustomerId: newlyLinkedBcId });
    },
  },
];
