import type { z } from 'zod';
import { validationFailed } from './api-error';

type Input = Record<string, string>;

/** First value per name; an empty value counts as absent, as a blank form field does. */
function toInput(values: URLSearchParams | Readonly<Record<string, string>>): Input {
  const input: Input = {};
  const entries = values instanceof URLSearchParams ? values.entries() : Object.entries(values);
  for (const [name, value] of entries) {
    if (value !== '' && !(name in input)) input[name] = value;
  }
  return input;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  return [...byField].map(([field, message]) => `${field}: ${message}`).join('; ');
}

/**
 * Validates query or route parameters with a zod schema. A failure is a 400 VALIDATION_FAILED whose
 * message names every offending parameter.
 */
export function parseParameters<S extends z.ZodType>(
  schema: S,
  values: URLSearchParams | Readonly<Record<string, string>>,
): z.output<S> {
  const parsed = schema.safeParse(toInput(values));
  if (parsed.success) return parsed.data;
  throw validationFailed(`Invalid parameters: ${describeIssues(parsed.error.issues)}.`);
}
