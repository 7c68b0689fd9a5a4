/** The Windows-1252 letters beyond Latin-1 that PDF's WinAnsiEncoding also holds (€, “ ”, –, …). */
const beyondLatin1 = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const encodable = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || beyondLatin1.has(char);
};

/**
 * The text as the standard PDF fonts can print it (WinAnsiEncoding): every Latin-1 letter as is, a
 * letter outside it as its unaccented base where it has one (ő → o), anything else as "?". pdfkit
 * would otherwise print garbage for it. ERP CHAR columns hold Latin-1 anyway; settings may not.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    if (encodable(char)) out += char;
    else if (char === '\t' || char === '\n' || char === '\r') out += ' ';
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(encodable) ? base : '?';
    }
  }
  return out;
}
