import type { ApiClient } from './api-client';
import type { PortalConfig } from './portal-config';
import type { TabDefinition } from './tab-definitions';
import type { VNode } from './vnode';

/** What the list and detail views share inside one mounted portal. */
export interface ViewContext {
  readonly api: ApiClient;
  readonly config: PortalConfig;
  readonly tab: TabDefinition<unknown>;
  /** The mount element. */
  readonly root: HTMLElement;
  /** Unique per mount, for element ids. */
  readonly idPrefix: string;
  /** Polite live region: loading, result counts (or that there are none), download progress. */
  announce(text: string): void;
  /** Puts the list's state in the URL (`#orders?status=O&page=2`) without a new history entry. */
  locate(hash: string): void;
  /** The list's last location, where a detail's back link leads. */
  listLocation(): string;
  /**
   * Replaces the view and moves focus to the element `focus` selects, if given. The toolbar
   * (filters) sits above the live status line, the body below it; an undefined toolbar keeps the
   * current one (and the focus inside it), null removes it.
   */
  show(view: { readonly toolbar?: VNode | null; readonly body: readonly VNode[] }, focus?: string): void;
  /** Shows the friendly message for a failure, with retry where a retry can help. */
  fail(error: unknown, retry: () => void): void;
  /** True while the view that started a request is still the current one. */
  isCurrent(ticket: number): boolean;
  /** A ticket for a request that is about to start; invalidates older ones. */
  begin(): number;
}
