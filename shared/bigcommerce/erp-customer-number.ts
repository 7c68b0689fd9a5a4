export { normalizeErpCustomerNumber } from '../erp/customer-number';
