import { describe, expect, it } from 'vitest';
import { lineAmount } from '../../../shared/documents/document-text';
import { printable } from '../../../shared/documents/win-ansi';

describe('printable (what the standard PDF fonts can print)', () => {
  it('keeps Latin-1 and the Windows-1252 extras as they are', () => {
    expect(printable('Zoë Müller Façades, Ñandú — “Crème” 5 € … ÿ')).toBe('Zoë Müller Façades, Ñandú — “Crème” 5 € … ÿ');
  });

  it('prints a letter outside WinAnsi as its unaccented base, anything else as "?"', () => {
    expect(printable('Łódź Dvořák ő')).toBe('?ódz Dvorák o');
    expect(printable('漢字 🚀 Ω')).toBe('?? ? ?');
    expect(printable('tab\there')).toBe('tab here');
  });
});

describe('lineAmount', () => {
  it('is exact quantity × unit price, rounded half away from zero to cents', () => {
    expect(lineAmount('0.3350', 3)).toBe('1.01');
    expect(lineAmount('0.0050', 1)).toBe('0.01');
    expect(lineAmount('-0.0050', 1)).toBe('-0.01');
    expect(lineAmount('12345678.9999', 1000)).toBe('12345678999.90');
    expect(lineAmount('10.1', 2)).toBe('20.20');
    expect(lineAmount(null, 2)).toBeNull();
    expect(lineAmount('1.00', null)).toBeNull();
  });
});
