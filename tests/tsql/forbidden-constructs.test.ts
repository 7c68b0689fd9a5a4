import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsqlSnapshotDirectory } from '../helpers/tsql';
import { findForbiddenConstructs } from './forbidden-constructs';

describe('compiled T-SQL snapshots', () => {
  const files = readdirSync(tsqlSnapshotDirectory).filter((f) => f.endsWith('.sql'));

  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s contains no construct SQL Server rejects', (file) => {
    expect(findForbiddenConstructs(readFileSync(join(tsqlSnapshotDirectory, file), 'utf8'))).toEqual([]);
  });
});
