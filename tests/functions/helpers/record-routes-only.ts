import { recordRoutesOnly } from '../../../shared/http/route-table';

// Imported before any function module: outside the Functions host, registration would only warn.
recordRoutesOnly();
