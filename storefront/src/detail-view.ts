import type { InvoiceDetailDto, OrderDetailDto, QuoteDetailDto } from './api-types';
import { buyAgainView } from './buy-again';
import { orderLineRows, quoteLineRows } from './buy-again-rows';
import { downloadPdf } from './pdf-download';
import { asPortalError, messageFor } from './portal-error';
import { focusAttribute, renderInvoiceDetail, renderOrderDetail, renderQuoteDetail } from './render-detail';
import type { DetailRef } from './tab-definitions';
import type { ViewContext } from './view-context';

/** Loads and shows one order, invoice or quote, then moves focus to its heading. */
export async function showDetail(context: ViewContext, ref: DetailRef): Promise<void> {
  const { api, config, tab } = context;
  const { messages } = config;
  const back = { href: context.listLocation(), label: messages[tab.caption] };
  const download = async (button: HTMLButtonElement) => {
    context.announce(messages.downloading);
    button.disabled = true;
    try {
      await downloadPdf(api, ref);
      context.announce(messages.downloaded);
    } catch (error) {
      context.announce(messages[messageFor[asPortalError(error).kind]]);
    } finally {
      button.disabled = false;
    }
  };
  const onDownload = (button: HTMLButtonElement) => void download(button);
  const ticket = context.begin();
  context.announce(messages.loading);
  try {
    let node;
    if (ref.kind === 'order') {
      const order = await api.get<OrderDetailDto>(`/orders/${ref.id}`);
      node = renderOrderDetail(order, back, messages, onDownload, buyAgainView(order.lines, orderLineRows, messages));
    } else if (ref.kind === 'quote') {
      const quote = await api.get<QuoteDetailDto>(`/quotes/${ref.id}`);
      node = renderQuoteDetail(quote, back, messages, onDownload, buyAgainView(quote.lines, quoteLineRows, messages));
    } else {
      const invoice = await api.get<InvoiceDetailDto>(`/invoices/${ref.id}`);
      node = renderInvoiceDetail(invoice, back, messages, onDownload, buyAgainView(invoice.lines, orderLineRows, messages));
    }
    if (!context.isCurrent(ticket)) return;
    context.show({ toolbar: null, body: [node] }, `[${focusAttribute}]`);
    context.announce('');
  } catch (error) {
    if (context.isCurrent(ticket)) context.fail(error, () => void showDetail(context, ref));
  }
}
