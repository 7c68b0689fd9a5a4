/**
 * Every string the portal shows, in English. The theme overrides any of them per mount element
 * with `data-msg-<key>` attributes filled from lang/en.json (`{{lang 'erp_portal.…'}}`).
 */
export const defaultMessages = {
  loading: 'Loading…',
  signedOut: 'Please sign in to see your account history.',
  signIn: 'Sign in',
  notLinked: 'Your store account is not linked to an ERP customer account yet. Please contact us to connect it.',
  failed: 'We could not load your account history. Please try again in a moment.',
  rateLimited: 'Too many requests. Please wait a moment and try again.',
  notFound: 'This record could not be found.',
  retry: 'Try again',
  empty: 'No records match.',
  noOrders: 'No orders yet.',
  noShipments: 'No shipments yet.',
  noInvoices: 'No invoices yet.',
  noQuotes: 'No quotes yet.',
  noProducts: 'No items bought yet.',
  showing: 'Showing {from}–{to} of {total}',
  page: 'Page {page}',
  previous: 'Previous',
  next: 'Next',
  pagination: 'Pagination',
  filters: 'Filter',
  status: 'Status',
  anyStatus: 'Any status',
  statusOpen: 'Open',
  statusComplete: 'Complete',
  statusVoid: 'Void',
  from: 'From',
  to: 'To',
  po: 'PO number',
  apply: 'Apply',
  clear: 'Clear',
  downloadCsv: 'Download CSV',
  downloadPdf: 'Download PDF',
  downloading: 'Preparing download…',
  downloaded: 'Download ready.',
  back: 'Back',
  view: 'View',
  ordersCaption: 'Your orders',
  shipmentsCaption: 'Your shipments',
  invoicesCaption: 'Your invoices',
  quotesCaption: 'Your quotes',
  productsCaption: 'Items you have bought',
  search: 'Item or description',
  timesOrdered: 'Times ordered',
  totalQuantity: 'Total qty',
  lastOrdered: 'Last ordered',
  lastOrder: 'Last order',
  lastPrice: 'Last price',
  ordersWithItem: 'Orders with this item',
  orderHeading: 'Order #{id}',
  invoiceHeading: 'Invoice #{id}',
  quoteHeading: 'Quote #{id}',
  linesCaption: 'Items',
  order: 'Order',
  invoice: 'Invoice',
  quote: 'Quote',
  date: 'Date',
  shipDate: 'Shipped',
  invoiceDate: 'Invoiced',
  quoteDate: 'Quoted',
  shipVia: 'Ship via',
  buyer: 'Buyer',
  shipped: 'Shipped qty',
  ordered: 'Ordered qty',
  item: 'Item',
  description: 'Description',
  unitPrice: 'Unit price',
  lineTotal: 'Amount',
  subtotal: 'Subtotal',
  freight: 'Freight',
  tax: 'Tax',
  total: 'Total',
  invoiceBasis: 'Amounts bill the ordered quantity × unit price, rounded to the cent, as the order was invoiced; Shipped qty shows what has shipped so far. Void lines are listed but bill nothing.',
  orderBasis: 'Amounts are the ordered quantity × unit price, rounded to the cent. Void lines are listed but count nothing.',
  orders: 'Orders',
  buyAgain: 'Buy again',
  buyAgainAll: 'Buy all again',
  orderQuote: 'Order this quote',
  quotePricesMayDiffer: 'Your cart uses the store’s current prices, which may differ from the prices quoted here.',
  quoteNotOrderable: 'This quote is void and cannot be ordered.',
  quotedPrice: 'Quoted price',
  addLine: 'Add to cart',
  buyQuantity: 'Quantity',
  buyAgainAdding: 'Adding to your cart…',
  buyAgainAdded: 'Added {count} of {total} items to your cart.',
  viewCart: 'View cart',
  notAdded: 'Not added',
  reasonNotInCatalog: 'Not sold online',
  reasonNotPurchasable: 'Not available for purchase',
  reasonQuantity: 'Enter a quantity of at least 1',
  reasonRefused: 'The store could not add this item',
  reasonRefusedInvalid: 'The store could not add this item as ordered',
  reasonRefusedGone: 'The store no longer offers this item',
  reasonRefusedConflict: 'Your cart changed while we were adding; please try again',
  reasonRefusedSession: 'Your store session has ended; please sign in again',
  reasonRefusedBusy: 'The store is busy; please try again in a moment',
  cartFailed: 'We could not reach your cart. Please try again.',
} as const;

export type MessageKey = keyof typeof defaultMessages;
export type Messages = Record<MessageKey, string>;

/** `signedOut` ↔ `data-msg-signed-out` (dataset key `msgSignedOut`). */
const datasetKey = (key: string) => `msg${key[0]!.toUpperCase()}${key.slice(1)}`;

const placeholders = (text: string) => text.match(/\{\w+\}/g) ?? [];

/**
 * The theme's strings over the defaults. An override that lost a placeholder the module fills
 * (Paper writes "undefined" for a `{name}` its `{{lang}}` call did not pass) is ignored.
 */
export function readMessages(dataset: DOMStringMap): Messages {
  const messages: Messages = { ...defaultMessages };
  for (const key of Object.keys(defaultMessages) as MessageKey[]) {
    const override = dataset[datasetKey(key)];
    if (override === undefined || override.trim() === '') continue;
    if (placeholders(defaultMessages[key]).every((name) => override.includes(name))) messages[key] = override;
  }
  return messages;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
