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
    [' =1+2', "' =1+2"],
    ['\u00A0=HYPERLINK("x")', `"'\u00A0=HYPERLINK(""x"")"`],
    ['\u200B+cmd', "'\u200B+cmd"],
    ['\uFEFF@SUM(A1)', "'\uFEFF@SUM(A1)"],
    ['\uFF1D1+2', "'\uFF1D1+2"],
    ['\uFF0Bcmd', "'\uFF0Bcmd"],
    ['\uFF0Dcmd', "'\uFF0Dcmd"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    [' \u200B\u00A0-cmd', "' \u200B\u00A0-cmd"],
    ['PO 1=2', 'PO 1=2'],
  ])('escapes %j as %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes a header row, CRLF line ends and empty cells for null', () => {
    expect(toCsv(['a', 'b'], [{ a: 1, b: null }, { a: true, b: 'x' }])).toBe('a,b\r\n1,\r\ntrue,x\r\n');
  });
});
