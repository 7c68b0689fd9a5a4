import type { CartLineResult } from './cart-client';
import type { MessageKey, Messages } from './messages';

/**
 * Our words for a refusal, by the status the Storefront Cart API answered. The store's own
 * `title` can be terse or misleading on its own ("Missing Required Fields", or an internal
 * message), so it is kept only as detail after ours, never shown alone.
 */
function wordsFor(status: number): MessageKey {
  if (status === 400 || status === 422) return 'reasonRefusedInvalid';
  if (status === 404) return 'reasonRefusedGone';
  if (status === 409) return 'reasonRefusedConflict';
  if (status === 401 || status === 403) return 'reasonRefusedSession';
  if (status === 429) return 'reasonRefusedBusy';
  return 'reasonRefused';
}

export function refusalText(result: Extract<CartLineResult, { added: false }>, messages: Messages): string {
  const ours = messages[wordsFor(result.status)];
  return result.detail ? `${ours}: ${result.detail}` : ours;
}
