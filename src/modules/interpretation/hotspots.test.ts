import { describe, expect, it } from 'vitest';
import { isHotspot, proteinPosition, shortProteinChange } from './hotspots.ts';

describe('hotspots', () => {
  it('reads protein positions from VEP and HGVS p. descriptions', () => {
    expect(proteinPosition('ENSP00000493543.1:p.Val600Glu')).toBe(600);
    expect(proteinPosition('p.(Gly12Cys)')).toBe(12);
    expect(proteinPosition('p.?')).toBeNull();
    expect(proteinPosition(null)).toBeNull();
  });

  it('knows BRAF V600 and KRAS G12 as hotspots, not TP53 K164', () => {
    expect(isHotspot('BRAF', 'ENSP00000493543.1:p.Val600Glu')).toBe(true);
    expect(isHotspot('KRAS', 'p.Gly12Cys')).toBe(true);
    expect(isHotspot('TP53', 'ENSP00000269305.4:p.Lys164SerfsTer6')).toBe(false);
    expect(isHotspot(null, 'p.Val600Glu')).toBe(false);
    expect(isHotspot('KRAS', 'ENSP00000308495.3:p.Ile12%3D')).toBe(false);
  });

  it('writes the short protein change knowledge bases use', () => {
    expect(shortProteinChange('ENSP00000493543.1:p.Val600Glu')).toBe('V600E');
    expect(shortProteinChange('p.(Arg175His)')).toBe('R175H');
    expect(shortProteinChange('p.Lys164SerfsTer6')).toBeNull();
  });
});
