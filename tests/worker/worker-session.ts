import { randomUUID } from 'node:crypto';
import type { Message, WorkerHost } from './worker-host';

/** One function as the worker indexed it (worker indexing: the v4 model's app.http/app.timer calls). */
export interface IndexedFunction {
  readonly name: string;
  readonly functionId: string;
  /** The worker's RpcFunctionMetadata, echoed back in FunctionLoadRequest as the host does. */
  readonly metadata: Message;
  /** Its raw bindings (JSON in the metadata), parsed. */
  readonly bindings: readonly Message[];
}

export interface Invocation {
  readonly invocationId: string;
  /** The W3C trace id of the traceparent sent with the invocation: the host's operation id. */
  readonly traceId: string;
  /** The InvocationResponse. */
  readonly response: Message;
  /** The worker's log lines for this invocation. */
  readonly logs: readonly Message[];
}

/** What a host would put in one trigger's input binding: a timer tick, an HTTP request, a queue message… */
export type TriggerInput = (trigger: Message) => Message;

/** The host's conversation with the worker: init, index, load, invoke. */
export class WorkerSession {
  /** Capabilities the worker reported in WorkerInitResponse; they decide how the host shapes HTTP data. */
  capabilities: Record<string, string> = {};
  readonly functions = new Map<string, IndexedFunction>();

  constructor(
    readonly host: WorkerHost,
    private readonly appDirectory: string,
    private readonly workerDirectory: string,
  ) {}

  async initialize(): Promise<Message> {
    const response = await this.host.request(
      'workerInitRequest',
      { hostVersion: '4.1037.0.0', capabilities: {}, logCategories: {}, workerDirectory: this.workerDirectory, functionAppDirectory: this.appDirectory },
      'workerInitResponse',
    );
    this.capabilities = response.capabilities ?? {};
    return response;
  }

  async index(): Promise<Message> {
    const response = await this.host.request('functionsMetadataRequest', { functionAppDirectory: this.appDirectory }, 'functionMetadataResponse');
    for (const metadata of (response.functionMetadataResults ?? []) as Message[]) {
      const bindings = ((metadata.rawBindings ?? []) as string[]).map((raw) => JSON.parse(raw) as Message);
      this.functions.set(metadata.name, { name: metadata.name, functionId: metadata.functionId, metadata, bindings });
    }
    return response;
  }

  /** FunctionLoadRequest for every indexed function; resolves with each load's StatusResult by name. */
  async loadAll(): Promise<Map<string, Message>> {
    const results = new Map<string, Message>();
    for (const fn of this.functions.values()) {
      const answer = await this.host.request(
        'functionLoadRequest',
        { functionId: fn.functionId, metadata: { ...fn.metadata, directory: this.appDirectory } },
        'functionLoadResponse',
      );
      results.set(fn.name, answer.result);
    }
    return results;
  }

  indexed(name: string): IndexedFunction {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`The worker did not index a function named ${name}; it indexed ${[...this.functions.keys()].join(', ')}`);
    return fn;
  }

  /** One InvocationRequest with the trigger's input; resolves when the worker answers it. */
  async invoke(name: string, input: TriggerInput, triggerMetadata: Message = {}): Promise<Invocation> {
    const fn = this.indexed(name);
    const trigger = fn.bindings.find((b) => b.direction === 'in' && String(b.type).endsWith('Trigger'));
    if (!trigger) throw new Error(`${name} has no trigger binding`);
    const invocationId = randomUUID();
    const traceId = randomUUID().replace(/-/g, '');
    const answered = this.host.next((m) => m.content === 'invocationResponse' && m.invocationResponse.invocationId === invocationId, `InvocationResponse for ${name}`);
    this.host.send({
      requestId: randomUUID(),
      invocationRequest: {
        invocationId,
        functionId: fn.functionId,
        inputData: [{ name: trigger.name, data: input(trigger) }],
        triggerMetadata,
        traceContext: { traceParent: `00-${traceId}-${randomUUID().replace(/-/g, '').slice(0, 16)}-01`, traceState: '', attributes: {} },
      },
    });
    const response = (await answered).invocationResponse;
    return { invocationId, traceId, response, logs: this.host.logsOf(invocationId) };
  }
}

/** A timer tick as the host's TimerTrigger binding serialises TimerInfo. */
export const timerTick: TriggerInput = () => ({
  json: JSON.stringify({
    Schedule: { AdjustForDST: true },
    ScheduleStatus: { Last: new Date(Date.now() - 900_000).toISOString(), Next: new Date(Date.now() + 900_000).toISOString(), LastUpdated: new Date().toISOString() },
    IsPastDue: false,
  }),
});
