import sql from 'mssql';
import { ConnectionError as TediousConnectionError, RequestError as TediousRequestError } from 'tedious';

/**
 * Errors exactly as the production driver raises them (mssql over tedious), so the product's
 * classifier sees the real shapes rather than a test's idea of them.
 */

/** A server error: tedious passes the server's info (number, state, class), mssql wraps it in a RequestError. */
export function serverError(number: number, message: string): Error {
  const info = { number, state: 1, class: 16, message, serverName: 'portal-sql', procName: '', lineNumber: 1 };
  return new sql.RequestError(Object.assign(new Error(message), { info }), 'EREQUEST');
}

/** The socket dropped mid-request: tedious' ConnectionError (ESOCKET, caused by ECONNRESET) inside mssql's RequestError. */
export function socketReset(): Error {
  const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
  return new sql.RequestError(new TediousConnectionError('Connection lost - read ECONNRESET', 'ESOCKET', { cause }), 'EREQUEST');
}

/** tedious' request timeout (what SqlClient calls error -2), as mssql reports it. */
export function requestTimeout(detail = ''): Error {
  return new sql.RequestError(new TediousRequestError(`Timeout: Request failed to complete in 15000ms${detail}`, 'ETIMEOUT'), 'ETIMEOUT');
}

/** The transient failures ARCHITECTURE.md §4 lists, as they arrive from Azure SQL or an on-prem SQL Server. */
export const transientFaults: ReadonlyArray<{ readonly name: string; readonly make: () => Error; readonly lostReply: boolean }> = [
  { name: '1205 deadlock victim', make: () => serverError(1205, 'Transaction (Process ID 71) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.'), lostReply: false },
  { name: '40613 database unavailable', make: () => serverError(40613, "Database 'mirror' on server 'portal-sql' is not currently available. Please retry the connection later."), lostReply: false },
  { name: '40501 service busy', make: () => serverError(40501, 'The service is currently busy. Retry the request after 10 seconds. Incident ID: 1. Code: 2.'), lostReply: false },
  { name: '40197 failover', make: () => serverError(40197, 'The service has encountered an error processing your request. Please try again. Error code 4221.'), lostReply: false },
  { name: '49918 not enough resources', make: () => serverError(49918, 'Cannot process request. Not enough resources to process request.'), lostReply: false },
  { name: '10928 resource limit', make: () => serverError(10928, 'Resource ID: 1. The request limit for the database is 200 and has been reached.'), lostReply: false },
  { name: '10054 transport reset', make: () => serverError(10054, 'A transport-level error has occurred when receiving results from the server.'), lostReply: true },
  { name: 'ESOCKET/ECONNRESET', make: socketReset, lostReply: true },
  { name: 'ETIMEOUT', make: () => requestTimeout(), lostReply: true },
];
