import { describe, expect, it } from 'vitest';
import { announceCartQuantity } from '../../storefront/src/theme-cart';

/** A recording stand-in for a copy of jQuery: `$(selector).trigger(event, extraParameter)` and `$.fn.jquery`. */
function recordingJQuery() {
  const triggered: [string, string, unknown][] = [];
  const $ = Object.assign((selector: string) => ({ trigger: (event: string, data?: unknown) => void triggered.push([selector, event, data]) }), { fn: { jquery: '3.7.1' } });
  return { $, triggered };
}

describe('announceCartQuantity', () => {
  it('triggers cart-quantity-update on body through the theme’s $ (Cornerstone exposes only $), with the new count', () => {
    const theme = recordingJQuery();
    const other = recordingJQuery();
    expect(announceCartQuantity(7, { $: theme.$, jQuery: other.$ })).toBe(true);
    expect(theme.triggered).toEqual([['body', 'cart-quantity-update', 7]]);
    expect(other.triggered).toEqual([]);
  });

  it('uses window.jQuery when $ is not jQuery, and does nothing on a page without jQuery', () => {
    const { $, triggered } = recordingJQuery();
    expect(announceCartQuantity(2, { $: () => null, jQuery: $ })).toBe(true);
    expect(triggered).toEqual([['body', 'cart-quantity-update', 2]]);
    expect(announceCartQuantity(2, {})).toBe(false);
  });
});
