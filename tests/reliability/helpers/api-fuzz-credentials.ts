import fc from 'fast-check';
import { adminKey, apiKey, testEnvironment } from '../../functions/helpers/invoke';
import { headerText } from './api-fuzz-inputs';
import type { TokenCase } from './api-tokens';

/** Who the API must take the caller for. */
export type Identity =
  | { readonly kind: 'none' }
  | { readonly kind: 'data-key' }
  | { readonly kind: 'admin-key' }
  | { readonly kind: 'customer'; readonly bcCustomerId: number };

export interface CredentialSpec {
  readonly key?: { readonly variant: number } | { readonly text: string };
  readonly auth?: { readonly token: number; readonly prefix: number; readonly suffix: number } | { readonly text: string };
}

const dataKeys = (testEnvironment.PORTAL_API_KEYS ?? '').split(',');
const adminKeys = [adminKey];

const keyVariants = [
  apiKey, dataKeys[1] ?? apiKey, ` ${apiKey}\t`, adminKey, apiKey.toUpperCase(), `${apiKey}x`, apiKey.slice(0, -1), '',
  `${apiKey},${dataKeys[1]}`, `${apiKey}\u00e9`, `Bearer ${apiKey}`, `${adminKey} `,
];

/** Authorization scheme prefixes and token suffixes, with whether a valid token survives them. */
const prefixes: readonly (readonly [string, boolean])[] = [
  ['Bearer ', true], ['bearer ', true], ['BEARER   ', true], ['Bearer\t', true], ['Bearer', false], ['Basic ', false],
  ['', false], ['Bearer Bearer ', false], ['JWT ', false],
];
const suffixes: readonly (readonly [string, boolean])[] = [['', true], ['  ', true], ['x', false], [' extra', false], ['.', false]];

const validPrefixes = prefixes.flatMap(([, ok], i) => (ok ? [i] : []));
const validSuffixes = suffixes.flatMap(([, ok], i) => (ok ? [i] : []));
/** Mostly well-formed picks, so the authorised paths get as many cases as the refusals. */
const mostly = (valid: readonly number[], all: number) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.nat(all - 1) });

const tokenPick = fc.record({
  // 0 is the actor's valid token; any other number picks among the forgeries.
  token: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 63 }) }),
  prefix: mostly(validPrefixes, prefixes.length),
  suffix: mostly(validSuffixes, suffixes.length),
});
const keyPick = fc.oneof(
  { weight: 4, arbitrary: fc.record({ variant: mostly([0, 1, 2], keyVariants.length) }) },
  { weight: 1, arbitrary: fc.record({ variant: fc.constantFrom(3, 11) }) },
  { weight: 1, arbitrary: fc.record({ text: headerText }) },
);

const validToken = fc.record({ token: fc.constant(0), prefix: fc.constantFrom(...validPrefixes), suffix: fc.constantFrom(...validSuffixes) });
const validKey = fc.record({ variant: fc.constantFrom(0, 1, 2) });

export const credentialSpec: fc.Arbitrary<CredentialSpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ auth: validToken }) },
  { weight: 3, arbitrary: fc.record({ auth: tokenPick }) },
  { weight: 3, arbitrary: fc.record({ key: validKey }) },
  { weight: 2, arbitrary: fc.record({ key: keyPick }) },
  { weight: 1, arbitrary: fc.record({ key: keyPick, auth: tokenPick }) },
  { weight: 1, arbitrary: fc.record({ auth: fc.record({ text: headerText }) }) },
  { weight: 1, arbitrary: fc.constant({}) },
);

/** Header values as the HTTP layer delivers them: surrounding whitespace is not part of a value. */
const normalized = (value: string) => new Headers({ probe: value }).get('probe') ?? '';

/**
 * The headers a credential spec sends for an actor whose tokens are `tokens` (index 0 valid), and
 * the identity the contract gives them: an x-api-key, even an unknown one, takes precedence.
 */
export function resolveCredential(spec: CredentialSpec, tokens: readonly TokenCase[]): { headers: Record<string, string>; identity: Identity } {
  const headers: Record<string, string> = {};
  let identity: Identity = { kind: 'none' };
  if (spec.auth) {
    if ('text' in spec.auth) {
      headers.authorization = spec.auth.text;
    } else {
      const token = spec.auth.token === 0 ? tokens[0] : tokens[1 + ((spec.auth.token - 1) % (tokens.length - 1))];
      const [prefix, prefixOk] = prefixes[spec.auth.prefix] ?? ['', false];
      const [suffix, suffixOk] = suffixes[spec.auth.suffix] ?? ['', false];
      headers.authorization = `${prefix}${token?.token ?? ''}${suffix}`;
      if (token?.acceptedAs !== undefined && prefixOk && suffixOk) identity = { kind: 'customer', bcCustomerId: token.acceptedAs };
    }
  }
  if (spec.key) {
    const value = 'text' in spec.key ? spec.key.text : (keyVariants[spec.key.variant] ?? '');
    headers['x-api-key'] = value;
    const presented = normalized(value);
    identity = dataKeys.includes(presented) ? { kind: 'data-key' } : adminKeys.includes(presented) ? { kind: 'admin-key' } : { kind: 'none' };
  }
  return { headers, identity };
}
