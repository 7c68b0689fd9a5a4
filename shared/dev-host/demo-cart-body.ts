import type { DemoCatalogItem } from './demo-catalog';

export interface DemoCartLine {
  readonly id: string;
  readonly item: DemoCatalogItem;
  quantity: number;
}

export interface DemoCart {
  readonly id: string;
  readonly lines: DemoCartLine[];
  readonly createdTime: string;
  updatedTime: string;
}

const dollars = (tenThousandths: number) => Math.round(tenThousandths / 100) / 100;

/**
 * A cart as in the Storefront Cart API's "Get a Cart" example (reference/carts.sf.yml in
 * bigcommerce/docs, `getCarts`: id, customerId, email, currency, isTaxIncluded, baseAmount,
 * discountAmount, cartAmount, coupons, discounts, lineItems.physicalItems[…], createdTime,
 * updatedTime, locale); "Create a Cart" and "Add Cart Line Items" answer the same object.
 */
export function cartBody(cart: DemoCart) {
  const physicalItems = cart.lines.map((line) => {
    const price = dollars(line.item.price);
    return {
      id: line.id,
      parentId: null,
      variantId: line.item.variantId,
      productId: line.item.productId,
      sku: line.item.itemNo,
      name: line.item.description,
      url: `/products/${line.item.productId}/`,
      quantity: line.quantity,
      brand: 'Demo Supply Co.',
      isTaxable: true,
      imageUrl: '',
      discounts: [],
      discountAmount: 0,
      couponAmount: 0,
      listPrice: price,
      salePrice: price,
      extendedListPrice: Math.round(price * line.quantity * 100) / 100,
      extendedSalePrice: Math.round(price * line.quantity * 100) / 100,
      isShippingRequired: true,
      giftWrapping: null,
    };
  });
  const amount = Math.round(physicalItems.reduce((sum, item) => sum + item.extendedSalePrice, 0) * 100) / 100;
  return {
    id: cart.id,
    customerId: 0,
    email: '',
    currency: { name: 'US Dollars', code: 'USD', symbol: '$', decimalPlaces: 2 },
    isTaxIncluded: false,
    baseAmount: amount,
    discountAmount: 0,
    cartAmount: amount,
    coupons: [],
    discounts: [],
    lineItems: { physicalItems, digitalItems: [], giftCertificates: [], customItems: [] },
    createdTime: cart.createdTime,
    updatedTime: cart.updatedTime,
    locale: 'en',
  };
}
