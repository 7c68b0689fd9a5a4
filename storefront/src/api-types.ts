/** The API's response shapes, taken from the server's own schemas so the two cannot drift. */
export type {
  CustomerDto,
  InvoiceDetailDto,
  InvoiceDto,
  OrderDetailDto,
  OrderLineDto,
  OrderSummaryDto,
  ProductDto,
  QuoteDetailDto,
  ShipmentDto,
} from '../../shared/portal/dto-schemas';
import type { Pagination } from './pagination';

export type ListResponse<K extends string, T> = { readonly [key in K]: readonly T[] } & { readonly pagination: Pagination };
