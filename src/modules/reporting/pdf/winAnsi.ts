/**
 * pdfkit's built-in Helvetica is encoded in WinAnsi (Windows-1252): Latin-1, which holds æ, ø, å
 * and the other Nordic letters, plus a few typographic marks. A character outside it would print
 * as a wrong glyph and extract as garbage, so text is mapped here first: known symbols to ASCII
 * spellings, accented letters to their base letter (ł, ő in names lose the mark), anything else
 * to "?". Embedding a Unicode font would lift this, at the cost of size and speed.
 */

/** The code points above Latin-1 that Windows-1252 places in 0x80-0x9F. */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const SPELLED: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '′': "'",
  '″': '"',
  '\u2009': ' ',
  '\u202f': '\u00a0',
  '\u200b': '',
  '\t': ' ',
  μ: 'µ',
  // Letters with a stroke have no decomposition to strip a mark from.
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  α: 'alfa',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  Δ: 'Delta',
  κ: 'kappa',
  λ: 'lambda',
};

const encodable = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
};

const COMBINING_MARKS = /\p{M}/gu;

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (encodable(char)) out += char;
    else if (char === '\n') out += char;
    else if (char in SPELLED) out += SPELLED[char];
    else {
      const base = char.normalize('NFKD').replace(COMBINING_MARKS, '');
      out += base !== '' && [...base].every(encodable) ? base : '?';
    }
  }
  return out;
}
