import { describe, expect, it } from 'vitest';
import { toCopyCsv } from '../../../../shared/db/pglite/copy-csv';

describe('toCopyCsv', () => {
  it('distinguishes NULL from an empty string and quotes what CSV needs quoted', () => {
    expect(toCopyCsv([[null, '', 'a,b', 'say "hi"', 'line\nbreak', ' padded ']])).toBe(
      ',"","a,b","say ""hi""","line\nbreak"," padded "\n',
    );
  });

  it('writes booleans, numbers and dates as PostgreSQL reads them back in UTC', () => {
    expect(toCopyCsv([[true, false, 42, '12.50', new Date('2026-03-04T05:06:07.089Z')]])).toBe(
      't,f,42,12.50,2026-03-04 05:06:07.089\n',
    );
  });
});
