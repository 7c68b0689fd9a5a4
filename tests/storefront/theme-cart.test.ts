import { describe, expect, it } from 'vitest';
import { announceCartQuantity } from '../../storefront/src/theme-cart';

/** A recording stand-in for jQuery's `$(selector).trigger(event, extraParameter)`. */
function recordingJQuery() {
  const triggered: [string, string, unknown][] = [];
  const $ = (selector: string) => ({ trigger: (event: string, data?: unknown) => void triggered.push([selector, event, data]) });
  return { $, triggered };
}

describe('announceCartQuantity', () => {
  it('triggers cart-quantity-update on body through the page’s jQuery, with the new count', () => {
    const { $, triggered } = recordingJQuery();
    expect(announceCartQuantity(7, { jQuery: $ })).toBe(true);
    expect(triggered).toEqual([['body', 'cart-quantity-update', 7]]);
  });

  it('falls back to $ and does nothing on a page without jQuery', () => {
    const { $, triggered } = recordingJQuery();
    expect(announceCartQuantity(2, { $ })).toBe(true);
    expect(triggered).toEqual([['body', 'cart-quantity-update', 2]]);
    expect(announceCartQuantity(2, {})).toBe(false);
  });
});
