import { recordRoutesOnly } from '../../../shared/composition/app-routes';

// Imported before any function module: outside the Functions host, registration would only warn.
recordRoutesOnly();
