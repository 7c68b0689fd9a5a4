const mask = '[REDACTED]';

/** Names whose value is a credential, in connection strings, query strings, JSON, YAML and headers. */
const credentialNames = [
  'password',
  'pwd',
  'account ?key',
  'shared ?access ?key',
  'shared ?access ?signature',
  'client[_ -]?secret',
  'sig',
  'token',
  '(?:access|refresh|id)[_-]?token',
  'api[_-]?key',
  'x-api-key',
  'x-auth-token',
].join('|');

/**
 * A credential's value as each grammar writes it: ADO.NET/ODBC connection strings brace-quote
 * (`{p@ss;w0rd}`, a `}` doubled inside) or quote (`'x y'`, `"x y"`, the quote doubled inside);
 * JSON quotes with backslash escapes; everything else runs to the next separator.
 */
const credentialValue = String.raw`\{(?:[^}]|\}\})*\}|'(?:[^'\\]|''|\\.)*'|"(?:[^"\\]|""|\\.)*"|[^;&,\s"'}]+`;

/** `name=value` (connection and query strings), `"name": "value"` (JSON) and `name: value` (YAML, headers). */
const credentialPair = new RegExp(String.raw`(["']?)\b(${credentialNames})\1(\s*[:=]\s*)(${credentialValue})`, 'gi');

const maskValue = (_match: string, quote: string, name: string, separator: string, value: string) => {
  const opener = value[0] === '"' || value[0] === "'" ? value[0] : '';
  return `${quote}${name}${quote}${separator}${opener}${mask}${opener}`;
};

/** Credential shapes that must never leave the process, whatever their value. */
const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${mask}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, mask],
];

/** Masks every credential-shaped substring: the one redaction of the app (logs, telemetry, sync_run). */
export function redactCredentials(input: string): string {
  let output = input.replace(credentialPair, maskValue);
  for (const [pattern, replacement] of patterns) output = output.replace(pattern, replacement);
  return output;
}

const shortestSecret = 6;

/**
 * Removes secrets from anything about to be logged or sent to telemetry: every known secret value
 * (from settings and Key Vault) plus credential-shaped substrings such as `Password=…` or JWTs.
 */
export class Redactor {
  readonly #secrets: () => Iterable<string>;

  constructor(secrets: () => Iterable<string>) {
    this.#secrets = secrets;
  }

  text(input: string): string {
    let output = input;
    for (const secret of this.#secrets()) {
      if (secret.length >= shortestSecret) output = output.split(secret).join(mask);
    }
    return redactCredentials(output);
  }

  value(input: unknown): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input instanceof Error) return this.text(input.stack ?? `${input.name}: ${input.message}`);
    if (Array.isArray(input)) return input.map((item) => this.value(item));
    if (input && typeof input === 'object') {
      return Object.fromEntries(Object.entries(input).map(([key, item]) => [key, this.value(item)]));
    }
    return input;
  }

  properties(input: Readonly<Record<string, unknown>>): Record<string, string> {
    return Object.fromEntries(
      Object.entries(input).map(([key, item]) => [key, this.text(typeof item === 'string' ? item : JSON.stringify(item))]),
    );
  }
}
