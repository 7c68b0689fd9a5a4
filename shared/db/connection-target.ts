export type ConnectionTarget =
  | { readonly kind: 'pglite'; readonly directory: string }
  | { readonly kind: 'mssql'; readonly connectionString: string };

const pglitePrefix = 'pglite:';

/** `pglite:<directory>` selects the embedded engine; anything else is an SQL Server connection string (contract). */
export function connectionTarget(connection: string): ConnectionTarget {
  if (connection.startsWith(pglitePrefix)) {
    return { kind: 'pglite', directory: connection.slice(pglitePrefix.length) };
  }
  return { kind: 'mssql', connectionString: connection };
}
