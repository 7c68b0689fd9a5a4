import type { Random } from './random';

/**
 * Spreads a rare case evenly over a stream instead of leaving it to chance, so a small demo still
 * contains every case: about `rate` of the calls to `next()` return true, the first within 20 calls.
 */
export class Quota {
  readonly #rate: number;
  readonly #random: Random;
  #credit: number;

  constructor(rate: number, random: Random) {
    this.#rate = rate;
    this.#random = random;
    this.#credit = 1 - rate * random.int(1, Math.min(20, Math.ceil(1 / rate)));
  }

  next(): boolean {
    this.#credit += this.#rate * (0.5 + this.#random.next());
    if (this.#credit < 1) return false;
    this.#credit -= 1;
    return true;
  }
}
