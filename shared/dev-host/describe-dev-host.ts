import { generatedKeys } from './demo-mode';
import type { DevHost } from './dev-host';

/**
 * What `npm start` prints: where it listens, the demo credentials and calls to try. Only keys this
 * process generated are printed; a configured key stays a placeholder (terminals end up in logs).
 */
export function describeDevHost(host: DevHost): string {
  const customer = host.exampleCustomer ?? '<cust_no>';
  const keys = generatedKeys(host.settings);
  const apiKey = keys.apiKey ?? '<one of PORTAL_API_KEYS>';
  const lines = [
    `Customer portal API on ${host.url}/api/v1 (${host.demo ? 'demo mode' : 'configured'})`,
    '',
    `  curl -H "x-api-key: ${apiKey}" "${host.url}/api/v1/orders?customer=${customer}"`,
    `  curl "${host.url}/api/v1/openapi.json"`,
  ];
  if (host.demo) {
    lines.push(
      '',
      `Storefront demo:   ${host.url}/storefront/ (Cornerstone-like account pages; switch customers there)`,
      `Demo API key:      ${apiKey}`,
      `Demo admin key:    ${keys.adminKey ?? '<one of PORTAL_ADMIN_KEYS>'}`,
      `BC client id:      ${host.settings.BC_CLIENT_ID ?? ''} (store hash ${host.settings.BC_STORE_HASH ?? ''})`,
      'Every ERP customer is linked to a demo BigCommerce id: 1001 for the lowest cust_no, 1002 for the next, …',
      `Storefront token:  ${host.url}/customer/current.jwt?app_client_id=${host.settings.BC_CLIENT_ID ?? ''}&erp=${customer}`,
      `Demo login cookie: ${host.url}/demo/login?erp=${customer}`,
    );
    const catalog = host.demoCatalog;
    if (catalog) {
      lines.push(
        `Demo catalog:      ${catalog.mapped} SKUs (${catalog.purchasable} purchasable) synced from the demo store's stand-in; ` +
          `"Buy again" on an order adds to the demo cart at ${host.url}/cart.php`,
      );
    }
  }
  return lines.join('\n');
}
