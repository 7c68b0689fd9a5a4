import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const artifacts = join(__dirname, '..', '..', '..', '.artifacts');

/**
 * Prints a check's figures (trials, faults injected, differences found) and appends them to
 * .artifacts/reliability-figures.jsonl, so CI output and closing notes quote the same numbers.
 */
export function reportFigures(check: string, figures: Record<string, number | string>): void {
  const text = Object.entries(figures)
    .map(([name, value]) => `${name}=${typeof value === 'number' ? value.toLocaleString('en-US') : value}`)
    .join(', ');
  console.log(`[reliability] ${check}: ${text}`);
  mkdirSync(artifacts, { recursive: true });
  appendFileSync(join(artifacts, 'reliability-figures.jsonl'), `${JSON.stringify({ check, ...figures })}\n`);
}
