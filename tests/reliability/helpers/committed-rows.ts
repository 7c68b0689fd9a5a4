import type { MirrorRows } from './expected-mirror';

type Key = readonly (string | number)[];

/**
 * The rows of `expected` that a first load stopped at these `sync_state` checkpoints has committed,
 * and nothing more: every pass that completed (no cursor), none that never started (no row), and
 * the pass in progress up to its cursor's key.
 */
export function committedRows(expected: MirrorRows, states: readonly { entity: string; scan_cursor: string | null }[]): MirrorRows {
  const committed = <T>(entity: string, rows: readonly T[], atMost: (row: T, after: Key) => boolean): T[] => {
    const state = states.find((s) => s.entity === entity);
    if (!state) return [];
    if (state.scan_cursor === null) return [...rows];
    const after = (JSON.parse(state.scan_cursor) as { after: Key | null }).after;
    return after === null ? [] : rows.filter((row) => atMost(row, after));
  };
  return {
    customer: committed('customers', expected.customer, (c, [no]) => c.cust_no.trimEnd() <= String(no)),
    ord_hedr: committed('orders', expected.ord_hedr, (h, [no]) => h.order_no <= Number(no)),
    ord_detl: committed('lines', expected.ord_detl, (l, [no, lin]) => l.order_no < Number(no) || (l.order_no === Number(no) && Number(l.lin_no) <= Number(lin))),
  };
}
