import { fit, zeroPad } from './format';
import { finishes, itemFamilies } from './names';
import type { Random } from './random';

export interface CatalogItem {
  readonly itemNo: string;
  readonly description: string;
  /** List price in ten-thousandths of a dollar (numeric(12,4)). */
  readonly price: number;
}

const catalogSize = 3000;

/** The items orders are drawn from: a fixed list per seed, popular items first. */
export class Catalog {
  readonly #items: CatalogItem[] = [];

  constructor(random: Random) {
    for (let i = 0; i < catalogSize; i++) {
      const family = random.pick(itemFamilies);
      const size = random.pick(family.sizes);
      const finish = random.pick(finishes);
      const [low, high] = family.cents;
      const dollarsAndCents = Math.round(low * (high / low) ** random.next());
      // Some list prices carry sub-cent digits, as numeric(12,4) allows.
      const subCent = random.chance(0.3) ? random.int(1, 99) : 0;
      this.#items.push({
        itemNo: `${family.prefix}-${zeroPad(10_000 + i * 7, 5)}-${finish}`,
        description: fit(`${family.stem} ${size} ${finish}`, 30),
        price: dollarsAndCents * 100 + subCent,
      });
    }
  }

  /** Every item, in list order (popular first): what the demo's online catalog is derived from. */
  get items(): readonly CatalogItem[] {
    return this.#items;
  }

  /** Skewed towards the front of the list, like real sales. */
  pick(random: Random): CatalogItem {
    const u = random.next();
    return this.#items[Math.floor(u * u * this.#items.length)] as CatalogItem;
  }
}
