import { describe, expect, it } from 'vitest';
import { MERGED_LINES_SHOWN } from '../../../../src/modules/genomics/ingest/kinds.ts';
import { genomicsEn, genomicsNb } from '../../i18nGenomics.ts';
import { fillTemplate } from '../../templates.ts';
import { linesText } from './FileTables.tsx';

const number = (value: number) => value.toLocaleString('nb-NO');

describe('the lines of merged alleles, in words', () => {
  it('names one line, several lines, and says "…" only when there are more than it lists', () => {
    expect(linesText([28], genomicsNb, fillTemplate, number)).toBe('linje 28');
    expect(linesText([28, 1506], genomicsEn, fillTemplate, number)).toBe('lines 28, 1\u00a0506');
    const many = Array.from({ length: MERGED_LINES_SHOWN + 1 }, (_, i) => i + 1);
    expect(linesText(many, genomicsNb, fillTemplate, number)).toBe(
      `linjene ${many.slice(0, MERGED_LINES_SHOWN).join(', ')}, …`,
    );
    expect(linesText(many.slice(0, MERGED_LINES_SHOWN), genomicsNb, fillTemplate, number)).not.toContain('…');
  });
});
