import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const skipped = new Set(['node_modules', '.git', '.data', '.artifacts', 'dist', 'bin', 'obj']);

function* markdownFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

describe("the project's own docs stand alone", () => {
  const files = [...markdownFiles(root)];

  it('include the README and docs/architecture.md', () => {
    expect(files.map((file) => relative(root, file))).toEqual(expect.arrayContaining(['README.md', join('docs', 'architecture.md')]));
  });

  // A user's clone has no ../shared: everything they need is in the repository.
  it('never point outside the repository to ../shared', () => {
    const offending = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (line.includes('../shared') ? [`${relative(root, file)}:${index + 1}`] : [])),
    );
    expect(offending).toEqual([]);
  });

  it('link only to files that exist', () => {
    const broken = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)].flatMap(([, target]) =>
        existsSync(join(file, '..', target as string)) ? [] : [`${relative(root, file)} → ${target}`],
      ),
    );
    expect(broken).toEqual([]);
  });
});
