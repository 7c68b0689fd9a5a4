import { describe, expect, it } from 'vitest';
import { refusalText } from '../../storefront/src/cart-refusal';
import { defaultMessages } from '../../storefront/src/messages';

describe('refusalText', () => {
  it('puts our words for the status first and keeps the store’s detail after them', () => {
    expect(refusalText({ added: false, status: 422, detail: 'Missing Required Fields' }, defaultMessages)).toBe('The store could not add this item as ordered: Missing Required Fields');
    expect(refusalText({ added: false, status: 404, detail: 'The product or variant does not exist.' }, defaultMessages)).toBe('The store no longer offers this item: The product or variant does not exist.');
    expect(refusalText({ added: false, status: 409, detail: null }, defaultMessages)).toBe(defaultMessages.reasonRefusedConflict);
    expect(refusalText({ added: false, status: 403, detail: null }, defaultMessages)).toBe(defaultMessages.reasonRefusedSession);
    expect(refusalText({ added: false, status: 429, detail: null }, defaultMessages)).toBe(defaultMessages.reasonRefusedBusy);
    expect(refusalText({ added: false, status: 500, detail: 'Internal Server Error' }, defaultMessages)).toBe('The store could not add this item: Internal Server Error');
  });
});
