import { z } from 'zod';
import { validationFailed } from './api-error';

type Input = Record<string, string>;

/**
 * One value per name; an empty value counts as absent, as a blank form field does. A name given a
 * value twice (`customer=A&customer=B`) is answered, not guessed: which one the caller meant is
 * unknowable, and silently taking the first could show another scope than the one asked for.
 */
function toInput(values: URLSearchParams | Readonly<Record<string, string>>): { input: Input; repeated: string[] } {
  const input: Input = {};
  const repeated = new Set<string>();
  const entries = values instanceof URLSearchParams ? values.entries() : Object.entries(values);
  for (const [name, value] of entries) {
    if (value === '') continue;
    if (name in input) repeated.add(name);
    else input[name] = value;
  }
  return { input, repeated: [...repeated] };
}

function describeIssues(issues: readonly z.core.$ZodIssue[], repeated: readonly string[]): string {
  const byField = new Map<string, string>(repeated.map((name) => [name, 'must be given once']));
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return [...byField].map(([field, message]) => `${field}: ${message}`).join('; ');
}

/**
 * Validates query or route parameters with a zod schema. A failure, or a repeated parameter, is a
 * 400 VALIDATION_FAILED whose message names every offending parameter.
 */
export function parseParameters<S extends z.ZodType>(
  schema: S,
  values: URLSearchParams | Readonly<Record<string, string>>,
): z.output<S> {
  const { input, repeated: given } = toInput(values);
  // Only the endpoint's own parameters: a name it does not take is ignored however often it comes.
  const repeated = schema instanceof z.ZodObject ? given.filter((name) => Object.hasOwn(schema.shape, name)) : given;
  const parsed = schema.safeParse(input);
  if (parsed.success && repeated.length === 0) return parsed.data;
  throw validationFailed(`Invalid parameters: ${describeIssues(parsed.success ? [] : parsed.error.issues, repeated)}.`);
}
