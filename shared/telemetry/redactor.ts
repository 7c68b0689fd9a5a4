const mask = '[REDACTED]';

/** Credential shapes that must never leave the process, whatever their value. */
const patterns: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(password|pwd|accountkey|sharedaccesskey|client_secret|clientsecret|sig|token)(\s*=\s*)[^;&\s"']+/gi, `$1$2${mask}`],
  [/\b(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${mask}`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, mask],
  [/\b(x-api-key|x-auth-token)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, `$1$2${mask}`],
];

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
    for (const [pattern, replacement] of patterns) output = output.replace(pattern, replacement);
    return output;
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
