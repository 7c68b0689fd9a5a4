import type { Messages } from './messages';
import { messageFor, type PortalError } from './portal-error';
import { h, type VElement } from './vnode';

/** Cornerstone's alert box with the friendly message for the failure, and the way out of it. */
export function renderAlert(error: PortalError, messages: Messages, retry: () => void, signInUrl: string): VElement {
  const informational = error.kind === 'signed-out' || error.kind === 'not-linked';
  const action =
    error.kind === 'signed-out'
      ? h('a', { href: signInUrl, class: 'button button--primary button--small' }, messages.signIn)
      : error.kind === 'failed' || error.kind === 'rate-limited'
        ? h('button', { type: 'button', class: 'button button--small', 'on:click': retry }, messages.retry)
        : undefined;
  return h(
    'div',
    { class: `alertBox alertBox--${informational ? 'info' : 'error'} erp-portal-alert`, role: 'alert' },
    h('div', { class: 'alertBox-column alertBox-message' }, h('p', {}, messages[messageFor[error.kind]])),
    action && h('div', { class: 'alertBox-column erp-portal-alert-action' }, action),
  );
}
