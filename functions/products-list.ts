import { registerHttpRoute } from '../shared/composition/app-routes';
import { productsEndpoint } from '../shared/composition/products-endpoint';

export const productsList = productsEndpoint();

registerHttpRoute('products-list', { route: 'v1/products', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: productsList });
