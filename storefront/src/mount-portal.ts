import type { ApiClient } from './api-client';
import type { CustomerDto } from './api-types';
import { showDetail } from './detail-view';
import { createListView } from './list-view';
import type { PortalConfig } from './portal-config';
import { asPortalError } from './portal-error';
import { renderAlert } from './render-alert';
import { listHash, parseListHash } from './list-location';
import { detailHash, parseDetailHash, tabDefinitions } from './tab-definitions';
import type { ViewContext } from './view-context';
import { h, render } from './vnode';

let mounted = 0;

const focusable = 'a[href],button,input,select,textarea';

function focus(target: Element | null): void {
  if (!(target instanceof HTMLElement)) return;
  if (!target.matches(focusable) && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * Mounts one tab into its element. The URL hash (#order-123, #invoice-45) selects a detail, so
 * the browser's Back button and shared links work; anything else shows the list, with the filters
 * and page the hash names (#orders?status=O&page=2), so a reload or a bookmark keeps them.
 */
export function mountPortal(root: HTMLElement, config: PortalConfig, api: ApiClient): void {
  const { messages } = config;
  const idPrefix = `erp-portal-${config.tab}-${++mounted}`;
  const account = render(h('p', { class: 'erp-portal-account', hidden: true })) as HTMLElement;
  const toolbar = render(h('div', { class: 'erp-portal-toolbar' })) as HTMLElement;
  const status = render(h('p', { class: 'erp-portal-status', role: 'status', 'aria-live': 'polite' })) as HTMLElement;
  const body = render(h('div', { class: 'erp-portal-body' })) as HTMLElement;
  root.id ||= idPrefix;
  root.classList.add('erp-portal');
  root.replaceChildren(account, toolbar, status, body);

  let current = 0;
  const tab = tabDefinitions[config.tab];
  let listLocation = listHash(tab.key, { filters: {}, page: 1 });
  const context: ViewContext = {
    api,
    config,
    tab,
    root,
    idPrefix,
    announce: (text) => (status.textContent = text),
    locate(hash) {
      listLocation = hash;
      if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
    },
    listLocation: () => listLocation,
    show(view, selector) {
      if (view.toolbar !== undefined) toolbar.replaceChildren(...(view.toolbar ? [render(view.toolbar)] : []));
      body.replaceChildren(...view.body.map((node) => render(node)));
      if (selector) focus(root.querySelector(selector));
    },
    fail(error, retry) {
      const failure = asPortalError(error);
      status.textContent = '';
      toolbar.replaceChildren();
      body.replaceChildren(render(renderAlert(failure, messages, retry, config.signInUrl)));
      if (failure.kind === 'signed-out' || failure.kind === 'not-linked') account.hidden = true;
      // The buyer sees the friendly text; the cause is for whoever opens the console.
      if (failure.kind === 'failed') console.error('ERP portal:', failure.message);
    },
    begin: () => ++current,
    isCurrent: (ticket) => ticket === current,
  };
  const list = createListView(context);

  let shownDetail: string | undefined;
  const route = () => {
    const ref = parseDetailHash(window.location.hash);
    if (ref) {
      shownDetail = detailHash(ref);
      void showDetail(context, ref);
      return;
    }
    // Coming back from a detail, focus returns to the link that opened it.
    const opener = shownDetail ? `a[href="${shownDetail}"]` : undefined;
    shownDetail = undefined;
    list.show(opener, parseListHash(window.location.hash, tab.filters));
  };
  window.addEventListener('hashchange', route);
  route();

  api.get<CustomerDto>('/me').then(
    (me) => {
      account.textContent = [me.erpId, me.name].filter(Boolean).join(' · ');
      account.hidden = false;
    },
    // The list request reports the same failure to the buyer.
    () => undefined,
  );
}
