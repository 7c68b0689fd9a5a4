import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../shared/http/csv';

describe('csv', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+cmd', "'+cmd"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['-12.50', '-12.50'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('escapes %j as %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes a header row, CRLF line ends and empty cells for null', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: null }, { a: true, b: 'x' }])).toBe('a,b\r\n1,\r\ntrue,x\r\n');
  });
});
