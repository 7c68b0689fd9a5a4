import type { OrderLineDto } from './api-types';
import { addToCart as cartApi, type CartLine, type CartOutcome } from './cart-client';
import { refusalText } from './cart-refusal';
import { fill, type MessageKey, type Messages } from './messages';
import type { TableColumn } from './render-table';
import { announceCartQuantity } from './theme-cart';
import { h, render, type VElement, type VNode } from './vnode';

/** Where a Cornerstone store shows its cart. */
export const cartPageUrl = '/cart.php';

/** What a row offered for Buy again carries (the API's reorder fields). */
export type Reorderable = Pick<OrderLineDto, 'reorder' | 'reorderReason'>;

/** How Buy again reads one kind of row: a key for its quantity input, a label, the quantity offered. */
export interface BuyAgainRows<T extends Reorderable> {
  key(row: T): string;
  label(row: T): string;
  quantity(row: T): number;
  /** A Buy all button over every row (a detail's lines); without it, only the per-row buttons. */
  readonly buyAll: boolean;
  /** The Buy all button's text, when not "Buy all again" (a quote's "Order this quote"). */
  readonly buyAllLabel?: MessageKey;
}

/** Buy again parts: a column for the table and the bar above it (Buy all, if any, and the result). */
export interface BuyAgainView<T> {
  readonly column: TableColumn<T>;
  readonly bar: VElement;
}

function reasonText(line: Reorderable, messages: Messages): string {
  return line.reorderReason === 'not_purchasable' ? messages.reasonNotPurchasable : messages.reasonNotInCatalog;
}

type Outcome = { readonly label: string; readonly problem: string | null };

/** The result line: how many were added (with the cart link), then every line not added and why. */
function renderOutcome(outcomes: readonly Outcome[], messages: Messages): VNode[] {
  const added = outcomes.filter((o) => o.problem === null).length;
  const notAdded = outcomes.filter((o) => o.problem !== null);
  const summary = h(
    'p',
    { class: 'erp-portal-buy-summary' },
    fill(messages.buyAgainAdded, { count: added, total: outcomes.length }),
    added > 0 ? [' ', h('a', { href: cartPageUrl, class: 'erp-portal-cart-link' }, messages.viewCart)] : null,
  );
  if (notAdded.length === 0) return [summary];
  return [
    summary,
    h('p', { class: 'erp-portal-buy-heading' }, `${messages.notAdded}:`),
    h('ul', { class: 'erp-portal-not-added' }, notAdded.map((o) => h('li', {}, `${o.label}: ${o.problem}`))),
  ];
}

/** The quantity typed beside a row: its input is found by key, never by a selector built from data. */
function typedQuantity(section: HTMLElement | null, key: string): string | undefined {
  const inputs = section?.querySelectorAll<HTMLInputElement>('input[data-erp-buy-line]') ?? [];
  return Array.from(inputs).find((input) => input.getAttribute('data-erp-buy-line') === key)?.value;
}

/**
 * Buy again for rows the catalog may map (a detail's lines, the items bought): a quantity and an
 * Add button per row the catalog maps, the reason on every other row, and, where `rows.buyAll`, one
 * button for all rows. Rows go to the store's cart (cart-client.ts); every row asked for is
 * reported, added or not, with the ERP's reason or the store's refusal, never dropped silently.
 */
export function buyAgainView<T extends Reorderable>(all: readonly T[], rows: BuyAgainRows<T>, messages: Messages, addToCart = cartApi): BuyAgainView<T> {
  let section: HTMLElement | null = null;
  const show = (nodes: VNode[]) => {
    const result = section?.querySelector('.erp-portal-buy-result');
    result?.replaceChildren(...nodes.map((node) => render(node)));
  };
  const quantityOf = (row: T): number | null => {
    const value = Number(typedQuantity(section, rows.key(row)) ?? rows.quantity(row));
    return Number.isInteger(value) && value >= 1 ? value : null;
  };

  async function buy(targets: readonly T[], button: HTMLButtonElement): Promise<void> {
    section = button.closest('.erp-portal-detail, .erp-portal-results');
    const outcomes = new Map<T, string | null>();
    const toCart: { row: T; cart: CartLine }[] = [];
    for (const row of targets) {
      const quantity = quantityOf(row);
      if (!row.reorder) outcomes.set(row, reasonText(row, messages));
      else if (quantity === null) outcomes.set(row, messages.reasonQuantity);
      else toCart.push({ row, cart: { ...row.reorder, quantity } });
    }
    const buttons = Array.from(section?.querySelectorAll<HTMLButtonElement>('.erp-portal-buy-button') ?? []);
    buttons.forEach((b) => (b.disabled = true));
    show([h('p', {}, messages.buyAgainAdding)]);
    try {
      const cart: CartOutcome = toCart.length > 0 ? await addToCart(toCart.map((t) => t.cart)) : { lines: [], quantity: null };
      toCart.forEach(({ row }, index) => {
        const result = cart.lines[index];
        outcomes.set(row, result === undefined ? messages.reasonRefused : result.added ? null : refusalText(result, messages));
      });
      if (cart.quantity !== null) announceCartQuantity(cart.quantity);
      show(renderOutcome(targets.map((row) => ({ label: rows.label(row), problem: outcomes.get(row) ?? null })), messages));
    } catch {
      show([h('p', { class: 'erp-portal-buy-failed' }, messages.cartFailed)]);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  const column: TableColumn<T> = {
    label: messages.buyAgain,
    className: 'erp-portal-buy-column',
    cell: (row) =>
      row.reorder
        ? h(
            'span',
            { class: 'erp-portal-buy-line' },
            h('input', {
              type: 'number',
              class: 'form-input erp-portal-buy-quantity',
              min: 1,
              step: 1,
              value: rows.quantity(row),
              'aria-label': `${messages.buyQuantity}: ${rows.label(row)}`,
              'data-erp-buy-line': rows.key(row),
            }),
            h(
              'button',
              { type: 'button', class: 'button button--small erp-portal-buy-button', 'aria-label': `${messages.addLine}: ${rows.label(row)}`, 'on:click': (event) => void buy([row], event.currentTarget as HTMLButtonElement) },
              messages.addLine,
            ),
          )
        : h('span', { class: 'erp-portal-buy-reason' }, reasonText(row, messages)),
  };
  const bar = h(
    'div',
    { class: 'erp-portal-buy-again' },
    rows.buyAll
      ? h(
          'button',
          { type: 'button', class: 'button button--primary button--small erp-portal-buy-button erp-portal-buy-all', 'on:click': (event) => void buy(all, event.currentTarget as HTMLButtonElement) },
          messages[rows.buyAllLabel ?? 'buyAgainAll'],
        )
      : null,
    h('div', { class: 'erp-portal-buy-result', role: 'status', 'aria-live': 'polite' }),
  );
  return { column, bar };
}
