import { zeroPad } from './format';
import { Quota } from './quota';
import type { Random } from './random';

const inactiveRate = 0.03;
const noOrdersRate = 0.05;
const deletedRate = 0.02;
const keyAccountRate = 0.001;

/**
 * Who the customers are, before any row is written: their numbers (with gaps where a customer
 * was deleted), activity, tax rate and how much they buy. Order generation draws from it.
 */
export class CustomerBook {
  readonly count: number;
  readonly #numbers: Uint32Array;
  readonly #active: Uint8Array;
  readonly #taxBasisPoints: Uint16Array;
  readonly #cumulativeWeight: Float64Array;
  readonly #deleted: number[] = [];

  constructor(count: number, random: Random) {
    this.count = count;
    this.#numbers = new Uint32Array(count);
    this.#active = new Uint8Array(count);
    this.#taxBasisPoints = new Uint16Array(count);
    this.#cumulativeWeight = new Float64Array(count);
    const keyAccounts = new Quota(keyAccountRate, random);
    let number = 1;
    let total = 0;
    for (let i = 0; i < count; i++) {
      while (random.chance(deletedRate)) this.#deleted.push(number++);
      this.#numbers[i] = number++;
      const active = !random.chance(inactiveRate);
      this.#active[i] = active ? 1 : 0;
      this.#taxBasisPoints[i] = random.chance(0.3) ? 0 : random.int(400, 950);
      total += this.#weight(random, keyAccounts.next(), active);
      this.#cumulativeWeight[i] = total;
    }
  }

  /** Skewed demand: a few key accounts buy hundreds of times, most a handful, some never. */
  #weight(random: Random, keyAccount: boolean, active: boolean): number {
    if (keyAccount) return 40 + random.next() * 160;
    if (random.chance(noOrdersRate)) return 0;
    return Math.exp(0.6 * random.normal()) * (active ? 1 : 0.3);
  }

  custNo(index: number): string {
    return `C${zeroPad(this.#numbers[index] ?? 0, 5)}`;
  }

  isActive(index: number): boolean {
    return this.#active[index] === 1;
  }

  taxBasisPoints(index: number): number {
    return this.#taxBasisPoints[index] ?? 0;
  }

  /** A customer index, weighted by demand. */
  pick(random: Random): number {
    const weights = this.#cumulativeWeight;
    const target = random.next() * (weights[this.count - 1] ?? 0);
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((weights[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** A customer number that exists nowhere in `customer`: a deleted one, or one past the last. */
  missingCustNo(random: Random): string {
    const number = this.#deleted.length > 0 ? random.pick(this.#deleted) : (this.#numbers[this.count - 1] ?? 0) + 1;
    return `C${zeroPad(number, 5)}`;
  }
}
