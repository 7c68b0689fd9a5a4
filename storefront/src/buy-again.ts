import type { OrderLineDto } from './api-types';
import { addToCart as cartApi, type CartLine, type CartLineResult } from './cart-client';
import { fill, type Messages } from './messages';
import type { TableColumn } from './render-table';
import { h, render, type VElement, type VNode } from './vnode';

/** Where a Cornerstone store shows its cart. */
export const cartPageUrl = '/cart.php';

/** The detail view's Buy again parts: a column for the lines table and the bar above it. */
export interface BuyAgainView {
  readonly column: TableColumn<OrderLineDto>;
  readonly bar: VElement;
}

const lineKey = (line: OrderLineDto) => `${line.orderId}-${line.lineNo}`;
const itemLabel = (line: OrderLineDto) => line.itemNo ?? line.description ?? `#${line.lineNo}`;

function reasonText(line: OrderLineDto, messages: Messages): string {
  return line.reorderReason === 'not_purchasable' ? messages.reasonNotPurchasable : messages.reasonNotInCatalog;
}

type Outcome = { readonly line: OrderLineDto; readonly problem: string | null };

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
    h('ul', { class: 'erp-portal-not-added' }, notAdded.map((o) => h('li', {}, `${itemLabel(o.line)}: ${o.problem}`))),
  ];
}

/**
 * Buy again for the lines of one order or invoice: a quantity (the ordered quantity by default)
 * and an Add button per line the catalog maps, the reason on every other line, and one button for
 * all lines. Lines go to the store's cart (cart-client.ts); every line asked for is reported, added
 * or not, with the ERP's reason or the store's refusal, never dropped silently.
 */
export function buyAgainView(lines: readonly OrderLineDto[], messages: Messages, addToCart = cartApi): BuyAgainView {
  let section: HTMLElement | null = null;
  const show = (nodes: VNode[]) => {
    const result = section?.querySelector('.erp-portal-buy-result');
    result?.replaceChildren(...nodes.map((node) => render(node)));
  };
  const quantityOf = (line: OrderLineDto): number | null => {
    const input = section?.querySelector<HTMLInputElement>(`input[data-erp-buy-line="${lineKey(line)}"]`);
    const value = Number(input?.value ?? line.quantityOrdered ?? 1);
    return Number.isInteger(value) && value >= 1 ? value : null;
  };

  async function buy(targets: readonly OrderLineDto[], button: HTMLButtonElement): Promise<void> {
    section = button.closest('.erp-portal-detail');
    const outcomes = new Map<OrderLineDto, string | null>();
    const toCart: { line: OrderLineDto; cart: CartLine }[] = [];
    for (const line of targets) {
      const quantity = quantityOf(line);
      if (!line.reorder) outcomes.set(line, reasonText(line, messages));
      else if (quantity === null) outcomes.set(line, messages.reasonQuantity);
      else toCart.push({ line, cart: { ...line.reorder, quantity } });
    }
    const buttons = Array.from(section?.querySelectorAll<HTMLButtonElement>('.erp-portal-buy-button') ?? []);
    buttons.forEach((b) => (b.disabled = true));
    show([h('p', {}, messages.buyAgainAdding)]);
    try {
      const results: CartLineResult[] = toCart.length > 0 ? await addToCart(toCart.map((t) => t.cart)) : [];
      toCart.forEach(({ line }, index) => {
        const result = results[index];
        outcomes.set(line, result?.added ? null : result?.refusal ? `${messages.reasonRefused}: ${result.refusal}` : messages.reasonRefused);
      });
      show(renderOutcome(targets.map((line) => ({ line, problem: outcomes.get(line) ?? null })), messages));
    } catch {
      show([h('p', { class: 'erp-portal-buy-failed' }, messages.cartFailed)]);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  const column: TableColumn<OrderLineDto> = {
    label: messages.buyAgain,
    cell: (line) =>
      line.reorder
        ? h(
            'span',
            { class: 'erp-portal-buy-line' },
            h('input', {
              type: 'number',
              class: 'form-input erp-portal-buy-quantity',
              min: 1,
              step: 1,
              value: Math.max(1, line.quantityOrdered ?? 1),
              'aria-label': `${messages.buyQuantity}: ${itemLabel(line)}`,
              'data-erp-buy-line': lineKey(line),
            }),
            h(
              'button',
              { type: 'button', class: 'button button--small erp-portal-buy-button', 'aria-label': `${messages.addLine}: ${itemLabel(line)}`, 'on:click': (event) => void buy([line], event.currentTarget as HTMLButtonElement) },
              messages.addLine,
            ),
          )
        : h('span', { class: 'erp-portal-buy-reason' }, reasonText(line, messages)),
  };
  const bar = h(
    'div',
    { class: 'erp-portal-buy-again' },
    h(
      'button',
      { type: 'button', class: 'button button--primary button--small erp-portal-buy-button erp-portal-buy-all', 'on:click': (event) => void buy(lines, event.currentTarget as HTMLButtonElement) },
      messages.buyAgainAll,
    ),
    h('div', { class: 'erp-portal-buy-result', role: 'status', 'aria-live': 'polite' }),
  );
  return { column, bar };
}
