import type { Random } from '../../../shared/demo/random';
import type { Fault, FaultPlan, Statement } from './faulty-database';
import { transientFaults } from './sql-server-errors';

/**
 * Transient faults at a seeded rate per statement, of every kind in the catalogue, half of the
 * socket-level ones after the statement ran. At most `maxStreak` in a row before an operation
 * completes (a commit, or a statement outside a transaction): "transient" means it clears within
 * the retry budget; outlasting it is PersistentFault's case.
 */
export class TransientFaults implements FaultPlan {
  injected = 0;
  lostReplies = 0;
  readonly byKind = new Map<string, number>();
  readonly faulted: Statement[] = [];
  #streak = 0;

  constructor(
    private readonly random: Random,
    private readonly rate: number,
    private readonly maxStreak: number,
  ) {}

  next(statement: Statement): Fault | null {
    if (this.#streak >= this.maxStreak || !this.random.chance(this.rate)) return null;
    const fault = this.random.pick(transientFaults);
    const lostReply = fault.lostReply && statement.kind !== 'begin' && this.random.chance(0.5);
    this.#streak++;
    this.injected++;
    this.faulted.push(statement);
    if (lostReply) this.lostReplies++;
    this.byKind.set(fault.name, (this.byKind.get(fault.name) ?? 0) + 1);
    return { error: fault.make(), lostReply };
  }

  succeeded(statement: Statement): void {
    if (statement.kind === 'commit' || (statement.kind !== 'begin' && !statement.inTransaction)) this.#streak = 0;
  }
}

/** From the `from`-th statement that `matches` on, every matching statement fails with `make()`. */
export class PersistentFault implements FaultPlan {
  seen = 0;
  injected = 0;

  constructor(
    private readonly matches: (statement: Statement) => boolean,
    private readonly from: number,
    private readonly make: () => Error,
  ) {}

  next(statement: Statement): Fault | null {
    if (!this.matches(statement) || ++this.seen < this.from) return null;
    this.injected++;
    return { error: this.make(), lostReply: false };
  }

  succeeded(): void {}
}

/** The `at`-th matching statement fails once (after running, with `lostReply`); counts how often it is sent again. */
export class OneFault implements FaultPlan {
  seen = 0;
  repeats = 0;
  #failed: Statement | null = null;

  constructor(
    private readonly matches: (statement: Statement) => boolean,
    private readonly at: number,
    private readonly make: () => Error,
    private readonly lostReply = false,
  ) {}

  next(statement: Statement): Fault | null {
    if (this.#failed) {
      if (statement.kind === this.#failed.kind && statement.sql === this.#failed.sql) this.repeats++;
      return null;
    }
    if (!this.matches(statement) || ++this.seen < this.at) return null;
    this.#failed = statement;
    return { error: this.make(), lostReply: this.lostReply };
  }

  succeeded(): void {}
}
