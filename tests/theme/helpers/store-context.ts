/**
 * The slice of BigCommerce's page context that Cornerstone's layout and account partials read, for
 * a web page using one of the drop-in's custom templates. Values are the shapes stencil-cli's
 * local server passes; anything left out renders as Cornerstone renders it on a bare store.
 */
export function storeContext(tab: string, title: string, signedIn: boolean): Record<string, unknown> {
  const account = (action: string) => `/account.php?action=${action}`;
  return {
    // A web page (our tabs are web pages with custom templates) has page_type "page": Cornerstone's app.js
    // maps that type to no page script; account pages have types such as account_orderstatus.
    page_type: 'page',
    head: { title },
    page: { title },
    breadcrumbs: [
      { url: '/', name: 'Home' },
      { url: `/erp-${tab}/`, name: title },
    ],
    settings: { store_name: 'Cornerstone Demo', returns_enabled: false, show_payment_methods: false, show_wishlist: false },
    urls: {
      home: '/',
      cart: '/cart.php',
      compare: '/compare',
      search: '/search.php',
      auth: { login: '/login.php', logout: '/login.php?action=logout', create_account: '/login.php?action=create_account' },
      account: {
        index: '/account.php',
        orders: { all: account('order_status') },
        inbox: account('inbox'),
        addresses: account('address_book'),
        details: account('account_details'),
        recent_items: account('recent_items'),
        returns: account('view_returns'),
        wishlists: { all: '/wishlist.php' },
        payment_methods: { all: account('payment_methods') },
      },
    },
    categories: [],
    pages: [],
    ...(signedIn ? { customer: { id: 501, name: 'Pat Buyer', email: 'pat@example.test', num_new_messages: 0, store_credit: { value: 0 } } } : {}),
  };
}
