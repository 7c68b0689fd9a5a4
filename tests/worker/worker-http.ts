import { decodeBody, type HttpAnswer, type HttpCall } from '../host/http-cases';
import type { Message } from './worker-host';
import type { IndexedFunction, TriggerInput, WorkerSession } from './worker-session';

/**
 * Route values as the host extracts them from the function's route template. Only for the path a
 * test names for that function: choosing the function is the host's routing, which the Functions
 * host suite (tests/host) checks.
 */
export function routeParams(route: string, path: string): Record<string, string> {
  const template = route.split('/').filter(Boolean);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params: Record<string, string> = {};
  for (const [i, segment] of template.entries()) {
    const name = /^\{(\*?)(\w+)\}$/.exec(segment);
    if (name?.[1]) {
      params[name[2] as string] = parts.slice(i).join('/');
      return params;
    }
    if (name) params[name[2] as string] = parts[i] ?? '';
    else if (segment.toLowerCase() !== parts[i]?.toLowerCase()) throw new Error(`${path} does not match the route ${route}`);
  }
  if (parts.length !== template.length) throw new Error(`${path} does not match the route ${route}`);
  return params;
}

/** The RpcHttp the host sends, shaped by the capabilities the worker reported. */
function httpInput(fn: IndexedFunction, call: HttpCall, capabilities: Record<string, string>): TriggerInput {
  return (trigger) => {
    const url = new URL(`http://localhost/api/${call.path}`);
    const params = routeParams(String(trigger.route), url.pathname.replace(/^\/api\//, ''));
    const query = Object.fromEntries(url.searchParams);
    const headers = { host: 'localhost', ...call.headers };
    const nullable = (map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, { value: v }]));
    const body = call.body === undefined ? undefined : capabilities.RawHttpBodyBytes ? { bytes: Buffer.from(call.body) } : { string: call.body };
    return {
      http: {
        method: call.method ?? 'GET',
        url: url.toString(),
        headers,
        query,
        params,
        ...(capabilities.UseNullableValueDictionaryForHttp ? { nullableHeaders: nullable(headers), nullableQuery: nullable(query), nullableParams: nullable(params) } : {}),
        ...(body ? { body, rawBody: body } : {}),
      },
    };
  };
}

/** Invokes an HTTP-triggered function through the worker and decodes its RpcHttp answer. */
export async function invokeHttp(session: WorkerSession, name: string, call: HttpCall): Promise<HttpAnswer & { readonly response: Message }> {
  const fn = session.indexed(name);
  const { response } = await session.invoke(name, httpInput(fn, call, session.capabilities));
  if (response.result?.status !== 'Success') {
    throw new Error(`${name} ${call.path}: invocation ${response.result?.status}: ${response.result?.exception?.message ?? ''}`);
  }
  const http = (response.returnValue ?? response.outputData?.find((o: Message) => o.name === '$return')?.data)?.http as Message;
  const raw = http.body?.bytes as Buffer | undefined;
  const bytes = raw ? Buffer.from(raw) : Buffer.from(String(http.body?.string ?? ''), 'utf8');
  return { status: Number(http.statusCode), headers: http.headers ?? {}, bytes, ...decodeBody(bytes), response };
}
