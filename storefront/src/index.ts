import { createApiClient } from './api-client';
import { mountPortal } from './mount-portal';
import { readPortalConfig } from './portal-config';
import { injectPortalStyles } from './portal-styles';
import { createTokenSource, type TokenSource } from './token-manager';

/**
 * Storefront entry: mounts every `[data-erp-portal]` element. One token source per app client id,
 * so several tabs on a page share one current.jwt.
 */
export function mountAll(doc: Document = document): void {
  const elements = Array.from(doc.querySelectorAll<HTMLElement>('[data-erp-portal]')).filter((el) => !el.dataset.erpPortalMounted);
  if (elements.length === 0) return;
  injectPortalStyles(doc);
  const tokens = new Map<string, TokenSource>();
  for (const element of elements) {
    element.dataset.erpPortalMounted = 'true';
    try {
      const config = readPortalConfig(element);
      let source = tokens.get(config.appClientId);
      if (!source) tokens.set(config.appClientId, (source = createTokenSource({ appClientId: config.appClientId })));
      mountPortal(element, config, createApiClient({ apiBase: config.apiBase, tokens: source }));
    } catch (error) {
      console.error('ERP portal: not mounted:', error instanceof Error ? error.message : error);
    }
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll());
else mountAll();
