import type { HttpRequest } from '@azure/functions';
import { ApiError } from './api-error';

/** The largest request body any endpoint accepts, as the demo cart caps its own. */
export const maxRequestBodyBytes = 64 * 1024;

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const payloadTooLarge = (limit: number) =>
  new ApiError('PAYLOAD_TOO_LARGE', `The request body exceeds the limit of ${limit} bytes.`);

/**
 * Reads the request body, at most `limit` bytes: a declared Content-Length over the limit is refused
 * before any byte is read, and a chunked body stops being read at the first byte past it. The
 * pipeline calls this only after authentication, so an anonymous caller cannot make the process
 * hold its body.
 */
export async function readRequestBody(request: HttpRequest, limit = maxRequestBodyBytes): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw payloadTooLarge(limit);
  if (!bodyMethods.has(request.method) || !request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
