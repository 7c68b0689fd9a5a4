import { Catalog, demoDefaults, Random } from '../demo';

/** How the demo store sells an ERP item online. */
export type DemoSale = 'online' | 'offline' | 'purchasing-disabled' | 'needs-option';

export interface DemoCatalogItem {
  readonly itemNo: string;
  readonly description: string;
  /** List price in ten-thousandths of a dollar, as the ERP's numeric(12,4). */
  readonly price: number;
  readonly sale: DemoSale;
  readonly productId: number;
  readonly variantId: number;
}

/**
 * By position in the ERP item list (popular first), so even the few items a small order holds mix
 * every case: most are sold online, one in ten is not in the online store at all, one in ten has
 * purchasing disabled, and one in ten needs an option (a modifier) the ERP line cannot know, so
 * the cart refuses it.
 */
function saleOf(index: number): DemoSale {
  switch (index % 10) {
    case 3:
      return 'offline';
    case 7:
      return 'purchasing-disabled';
    case 5:
      return 'needs-option';
    default:
      return 'online';
  }
}

let cached: readonly DemoCatalogItem[] | undefined;

/**
 * The demo store's catalog, derived from the demo ERP's item list for the default seed (the one
 * `npm start` seeds): product 1000 + n, variant 5000 + n for the n-th item. An ERP seeded with
 * another `--seed` has other item numbers, and its lines then find no variant.
 */
export function demoCatalog(): readonly DemoCatalogItem[] {
  cached ??= new Catalog(Random.stream(demoDefaults.seed, 'catalog')).items.map((item, index) => ({
    itemNo: item.itemNo,
    description: item.description,
    price: item.price,
    sale: saleOf(index),
    productId: 1000 + index,
    variantId: 5000 + index,
  }));
  return cached;
}
