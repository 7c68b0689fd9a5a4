import { describe, expect, it } from 'vitest';
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
