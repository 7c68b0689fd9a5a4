import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * A set of keys checked in constant time. Keys are compared as SHA-256 digests, so neither the
 * length nor the content of a configured key shapes the timing, and every key is always compared.
 */
export class ApiKeySet {
  readonly #digests: readonly Buffer[];

  constructor(keys: readonly string[]) {
    this.#digests = keys.filter((key) => key.length > 0).map(digest);
  }

  get size(): number {
    return this.#digests.length;
  }

  /** Index of the matching key (a stable, non-secret caller id), or -1. */
  indexOf(candidate: string): number {
    const presented = digest(candidate);
    let found = -1;
    this.#digests.forEach((known, index) => {
      if (timingSafeEqual(known, presented) && found < 0) found = index;
    });
    return found;
  }
}
