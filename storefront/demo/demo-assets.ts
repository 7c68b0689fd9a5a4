import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleStorefront } from '../build/bundle-storefront';

export interface DemoCustomer {
  readonly custNo: string;
  readonly name: string;
}

export interface DemoStorefrontOptions {
  /** BC_CLIENT_ID the dev host's current.jwt stand-in accepts. */
  readonly appClientId: string;
  /** The store's name in the demo's header: the seller its PDFs print. */
  readonly sellerName: string;
  /** Customers offered by the page's login switcher. */
  customers(): Promise<readonly DemoCustomer[]>;
}

export interface DemoAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

/** Answers a request path under /storefront/, or undefined when it is not one of the demo's. */
export type DemoStorefront = (pathname: string) => Promise<DemoAsset | undefined>;

const tabs = { orders: 'ERP Orders', shipments: 'Shipments', invoices: 'Invoices', quotes: 'Quotes', products: 'Products' } as const;
type Tab = keyof typeof tabs;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The items of the drop-in's erp-navigation-tabs.html: as in Cornerstone, the active one keeps its link. */
function navigation(active: Tab): string {
  return (Object.entries(tabs) as [Tab, string][])
    .map(
      ([tab, label]) =>
        `          <li class="navBar-item ${tab === active ? 'is-active' : ''}">\n` +
        `            <a class="navBar-action" href="/storefront/${tab}">${escapeHtml(label)}</a>\n` +
        '          </li>',
    )
    .join('\n');
}

/** The demo account page for one tab, Cornerstone-like markup around the real module. */
export function renderDemoPage(template: string, tab: Tab, appClientId: string, customers: readonly DemoCustomer[], sellerName: string): string {
  const options = customers
    .map((c) => `          <option value="${escapeHtml(c.custNo)}">${escapeHtml(`${c.custNo} · ${c.name}`)}</option>`)
    .join('\n');
  const values: Record<string, string> = {
    TITLE: escapeHtml(tabs[tab]),
    SELLER: escapeHtml(sellerName),
    TAB: tab,
    APP_CLIENT_ID: escapeHtml(appClientId),
    NAV: navigation(tab),
    CUSTOMERS: options,
  };
  return template.replace(/%([A-Z_]+)%/g, (match, name: string) => values[name] ?? match);
}

/**
 * The dev host's demo storefront: `/storefront/` (orders), `/storefront/<tab>`, the stylesheet,
 * and the module bundled by esbuild on first request (the same bundle the theme ships).
 */
export function createDemoStorefront(options: DemoStorefrontOptions): DemoStorefront {
  let bundle: Promise<Buffer> | undefined;
  const file = (name: string) => readFile(join(__dirname, name));
  return async (pathname) => {
    const page = /^\/storefront\/?(?:(orders|shipments|invoices|quotes|products)\/?)?$/.exec(pathname);
    if (page) {
      const template = (await file('index.html')).toString('utf8');
      const html = renderDemoPage(template, (page[1] as Tab | undefined) ?? 'orders', options.appClientId, await options.customers(), options.sellerName);
      return { body: Buffer.from(html), contentType: 'text/html; charset=utf-8' };
    }
    if (pathname === '/storefront/demo.css') return { body: await file('demo.css'), contentType: 'text/css; charset=utf-8' };
    if (pathname === '/storefront/erp-portal.js') {
      bundle ??= bundleStorefront();
      // A failed build is retried on the next request rather than cached.
      bundle.catch(() => (bundle = undefined));
      return { body: await bundle, contentType: 'text/javascript; charset=utf-8' };
    }
    return undefined;
  };
}
