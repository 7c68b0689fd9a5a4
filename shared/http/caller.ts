/** Who is calling, once authenticated. `id` is a stable, non-secret rate-limit key. */
export type Caller =
  | { readonly kind: 'api-key'; readonly id: string }
  | { readonly kind: 'admin'; readonly id: string }
  | { readonly kind: 'customer'; readonly id: string; readonly bcCustomerId: number; readonly custNo: string }
  | { readonly kind: 'anonymous'; readonly id: string };

/** What an endpoint admits. */
export type Access = 'public' | 'customer-data' | 'admin';
