import { readMessages, type Messages } from './messages';
import { isTabKey, type TabKey } from './tab-definitions';

export interface PortalConfig {
  readonly tab: TabKey;
  /** API root including `/api/v1`, e.g. `https://erp-portal.azurewebsites.net/api/v1`. */
  readonly apiBase: string;
  /** The BigCommerce app's client id (BC_CLIENT_ID) that current.jwt is issued for. */
  readonly appClientId: string;
  readonly signInUrl: string;
  /** The Orders tab's page, which the Products tab links to with `?item=` (`data-orders-url`, default `/erp-orders/`). */
  readonly ordersUrl: string;
  readonly pageSize: number;
  readonly messages: Messages;
}

/** Reads a mount element's `data-*` attributes; throws a message the page author can act on. */
export function readPortalConfig(element: HTMLElement): PortalConfig {
  const { tab, apiBase, appClientId, signInUrl, pageSize, ordersUrl } = element.dataset;
  if (!isTabKey(tab)) throw new Error(`data-tab must be orders, shipments, invoices, quotes or products (got "${tab ?? ''}")`);
  if (!apiBase) throw new Error('data-api-base is required (the API root ending in /api/v1)');
  if (!appClientId) throw new Error('data-app-client-id is required (the BigCommerce app client id)');
  const size = Number(pageSize ?? 20);
  return {
    tab,
    apiBase,
    appClientId,
    signInUrl: signInUrl || '/login.php',
    ordersUrl: ordersUrl || '/erp-orders/',
    pageSize: Number.isInteger(size) && size >= 1 && size <= 100 ? size : 20,
    messages: readMessages(element.dataset),
  };
}
