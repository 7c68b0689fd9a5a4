import { existsSync, readFileSync } from 'node:fs';

const affirmative = new Set(['true', 'yes', 'sspi']);

/** The keywords of an ADO-style connection string, names lower-cased. */
export function connectionKeywords(connectionString: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) map.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  return map;
}

/**
 * Why an SQL Server connection string cannot work from the Function App; empty when it can. Checked at
 * start-up (settings) and again when a connection string read from Key Vault is opened.
 */
export function sqlServerConnectionProblems(setting: string, connectionString: string): string[] {
  const problems: string[] = [];
  const words = connectionKeywords(connectionString);
  const integrated = words.get('integrated security') ?? words.get('trusted_connection') ?? '';
  if (affirmative.has(integrated.toLowerCase())) {
    problems.push('Integrated Security is not possible from Azure Functions; use SQL authentication (User Id/Password from Key Vault)');
  }
  // `host\instance` (with or without `tcp:` and `,port`): mssql then ignores any port and asks the SQL Server
  // Browser on UDP 1434 for one, and a Hybrid Connection relays a single TCP host:port.
  const server = words.get('server') ?? words.get('data source') ?? words.get('address') ?? words.get('addr') ?? '';
  if (setting === 'ERP_CONNECTION' && server.includes('\\')) {
    problems.push(
      'names an instance (SERVER\\INSTANCE), which mssql finds through the SQL Server Browser over UDP 1434; ' +
        'a Hybrid Connection carries only TCP to one host:port. Give the instance a static TCP port and use ' +
        'Server=tcp:<host>,<port>, the host:port of the hybrid connection',
    );
  }
  return problems;
}

/** Why a CA file cannot be used to validate the ERP's certificate; undefined when it can. */
export function caFileProblem(path: string): string | undefined {
  if (!existsSync(path)) return `no such file: ${path} (a relative path starts at the working directory; give an absolute one)`;
  if (!readFileSync(path, 'utf8').includes('-----BEGIN CERTIFICATE-----')) return `${path} holds no PEM certificate`;
  return undefined;
}
