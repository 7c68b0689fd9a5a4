import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsqlSnapshotFiles } from '../helpers/tsql';
import { findForbiddenConstructs } from './forbidden-constructs';

describe('compiled T-SQL snapshots', () => {
  const files = tsqlSnapshotFiles();

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((path) => [basename(path), path]))('%s contains no construct SQL Server rejects', (_file, path) => {
    expect(findForbiddenConstructs(readFileSync(path, 'utf8'))).toEqual([]);
  });
});
