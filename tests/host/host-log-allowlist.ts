import type { HostLogEntry } from './functions-host';

interface Allowed {
  readonly category: string;
  readonly text: RegExp;
  /** Why the entry is expected and harmless. */
  readonly reason: string;
  /** Only in the log of a host that was killed on purpose. */
  readonly killedOnly?: boolean;
}

/** Warnings and errors the host may log in the suite, each with its reason; anything else fails it. */
export const hostLogAllowlist: readonly Allowed[] = [];

export function allowedHostLog(entry: HostLogEntry, run: 'killed' | 'clean'): boolean {
  return hostLogAllowlist.some((a) => a.category === entry.category && a.text.test(entry.text) && (run === 'killed' || !a.killedOnly));
}
