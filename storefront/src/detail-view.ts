import type { InvoiceDetailDto, OrderDetailDto } from './api-types';
import { focusAttribute, renderInvoiceDetail, renderOrderDetail } from './render-detail';
import type { DetailRef } from './tab-definitions';
import type { ViewContext } from './view-context';

/** Loads and shows one order or invoice, then moves focus to its heading. */
export async function showDetail(context: ViewContext, ref: DetailRef): Promise<void> {
  const { api, config, tab } = context;
  const { messages } = config;
  const back = { tab: tab.key, label: messages[tab.caption] };
  const ticket = context.begin();
  context.announce(messages.loading);
  try {
    const node =
      ref.kind === 'order'
        ? renderOrderDetail(await api.get<OrderDetailDto>(`/orders/${ref.id}`), back, messages)
        : renderInvoiceDetail(await api.get<InvoiceDetailDto>(`/invoices/${ref.id}`), back, messages);
    if (!context.isCurrent(ticket)) return;
    context.show({ toolbar: null, body: [node] }, `[${focusAttribute}]`);
    context.announce('');
  } catch (error) {
    if (context.isCurrent(ticket)) context.fail(error, () => void showDetail(context, ref));
  }
}
