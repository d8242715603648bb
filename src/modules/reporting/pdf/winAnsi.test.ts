import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './winAnsi.ts';

describe('toWinAnsi', () => {
  it('keeps Norwegian and other Latin-1 letters and the typographic marks WinAnsi has', () => {
    const text = 'Åse Ødegård, Æsøy – «tumorcelleandel» 60 % • 1 450× “ok” €';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('composes decomposed letters first, so a decomposed å is still å', () => {
    expect(toWinAnsi('a\u030A')).toBe('å');
  });

  it('spells out symbols and strips marks WinAnsi cannot encode', () => {
    expect(toWinAnsi('VAF ≥ 5 % → 10 μm, −2')).toBe('VAF >= 5 % -> 10 µm, -2');
    expect(toWinAnsi('Wałęsa, Dvořák, Ağaoğlu')).toBe('Walesa, Dvorák, Agaoglu');
    expect(toWinAnsi('漢 🧬')).toBe('? ?');
  });
});
