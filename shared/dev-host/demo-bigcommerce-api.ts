import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectionPage, errorBody, variantBody } from './bigcommerce-shapes';
import { demoCatalog } from './demo-catalog';

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
};

/** BigCommerce's maximum page size for catalog collections. */
const maxPageSize = 250;

/**
 * Demo only: a stand-in for the store's management API at `/stores/<hash>/v3`, enough for the
 * catalog sync: `GET /catalog/variants` with the documented shapes, paging and token check. Items
 * the demo does not sell online are absent; disabled ones carry `purchasing_disabled: true`.
 */
export function serveDemoManagementApi(message: IncomingMessage, url: URL, response: ServerResponse, storeHash: string, apiToken: string): void {
  const prefix = `/stores/${storeHash}/v3`;
  if (!url.pathname.startsWith(`${prefix}/`)) return json(response, 404, errorBody(404, 'Store not found'));
  if (message.headers['x-auth-token'] !== apiToken) return json(response, 401, errorBody(401, 'Unauthorized'));
  if (message.method !== 'GET' || url.pathname !== `${prefix}/catalog/variants`) return json(response, 404, errorBody(404, 'Not found'));
  const variants = demoCatalog()
    .filter((item) => item.sale !== 'offline')
    .map((item) => variantBody({ id: item.variantId, productId: item.productId, sku: item.itemNo, purchasingDisabled: item.sale === 'purchasing-disabled' }));
  json(response, 200, collectionPage(variants, url.searchParams, maxPageSize));
}
