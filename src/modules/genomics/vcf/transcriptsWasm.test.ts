import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnnotatedAllele, SNPEFF_FIELDS, transcriptsJson } from './annotations.ts';
import { ByteArena } from './byteArena.ts';
import { JsonBytes } from './jsonBytes.ts';
import type { AnnotationLayout } from './model.ts';
import { JSON_AWKWARD, PERCENT_PIECES } from './testing.ts';
import { type AnnotationValue, TranscriptsWasm } from './transcriptsWasm.ts';

/** What the kernel must match: transcriptsJson over the allele's values, in one array. */
function reference(values: readonly AnnotationValue[]) {
  const out = new JsonBytes();
  const shape = { entriesMatch: true };
  out.byte(91);
  let transcripts = 0;
  for (const v of values) transcripts += transcriptsJson(v.layout, v.value, v.allele, out, shape);
  out.byte(93);
  return { json: out.text(), transcripts, entriesMatch: shape.entriesMatch };
}

// As VEP writes its Format: a subset of --everything's columns, and ALLELE_NUM.
const VEP_FIELDS =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|HGVSc|HGVSp|Existing_variation|CANONICAL|MANE_SELECT|MANE|ALLELE_NUM|AF|gnomADe_AF|gnomADe_NFE_AF|MAX_AF'.split(
    '|',
  );

/** A VEP layout with any subset of the optional columns, in any order; or SnpEff's. */
const layouts = fc.oneof(
  fc.tuple(fc.subarray(VEP_FIELDS.slice(2)), fc.boolean()).chain(([optional, front]) =>
    fc.shuffledSubarray(optional, { minLength: optional.length }).map((shuffled) => {
      const fields = front ? ['Allele', 'Consequence', ...shuffled] : [...shuffled, 'Consequence', 'Allele'];
      return { source: 'VEP', infoKey: 'CSQ', fields } as AnnotationLayout;
    }),
  ),
  fc.constant({ source: 'SnpEff', infoKey: 'ANN', fields: SNPEFF_FIELDS } as AnnotationLayout),
);

/** Field text with what the writers must handle alike; `|` and `,` never occur inside a field. */
const fieldText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PERCENT_PIECES),
      fc.constantFrom(...JSON_AWKWARD, '&', '&&', 'T', 'c', 'A'),
      fc.string({
        unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
        maxLength: 6,
      }),
      fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    ),
    { maxLength: 3 },
  )
  .map((parts) => withoutSeparators(parts.join('')));

function withoutSeparators(text: string): string {
  return text.replace(/[|,]/g, '');
}

/** Numbers in the forms pipelines write them, and the edges of the forms copied as written. */
const frequencyText = fc.oneof(
  fc.constantFrom(
    '0.0324',
    '0.000001',
    '0.0000001',
    '0.00000123',
    '123456789012345',
    '1234567890123456',
    '0.123456789012345',
    '0.1234567890123456',
    '12.3456789012345',
    '1e-05',
    '5.0E-3',
    '0.10',
    '00.5',
    '-0',
    '.5',
    '1e21',
    '1e20',
    '1e-7',
    '3.998e-06',
    '-0.0310',
    '+12.50E+02',
    '0.0310',
    '1.',
    'NaN',
    'Infinity',
    'abc',
    '0.05&0.1',
    '&0.2',
    '',
  ),
  // Decimals and integers of 13–19 digits, about where a text stops being the shortest for its number.
  fc
    .tuple(fc.constantFrom('0', '7', '12', '345'), fc.stringMatching(/^[0-9]{11,17}[1-9]$/))
    .map(([whole, fraction]) => `${whole}.${fraction}`),
  fc.stringMatching(/^[1-9][0-9]{13,18}$/),
  // Signs, zeros around the digits, exponents of any case, sign and size: the kernel's own
  // rewriting (decimalText), and where it hands over to Number().
  fc
    .tuple(
      fc.constantFrom('', '', '-', '+'),
      fc.stringMatching(/^[0-9]{0,4}$/),
      fc.option(fc.stringMatching(/^[0-9]{0,17}$/)),
      fc.option(
        fc.tuple(
          fc.constantFrom('e', 'E'),
          fc.constantFrom('', '-', '+'),
          fc.oneof(
            fc.stringMatching(/^[0-9]{1,2}$/),
            fc.constantFrom('0', '007', '21', '22', '289', '290', '291', '300', '308', '324', '99999'),
          ),
        ),
      ),
    )
    .map(
      ([sign, whole, fraction, exponent]) =>
        `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent === null ? '' : exponent.join('')}`,
    ),
  fc
    .tuple(fc.double({ min: 0, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 4 }))
    .map(
      ([x, form]) =>
        [String(x), x.toExponential(), x.toFixed(5), x.toPrecision(16), x.toPrecision(17)][form] as string,
    ),
);

/** `&`-joined terms, some empty. */
const terms = fc
  .array(fc.oneof(fc.constantFrom('missense_variant', 'splice_region_variant', 'rs1', ''), fieldText), {
    maxLength: 3,
  })
  .map((parts) => parts.join('&'));

/** A field by its column, drawn so that each way the writers read that column is reached. */
function fieldFor(name: string, allele: AnnotatedAllele): fc.Arbitrary<string> {
  switch (name) {
    case 'Allele':
      return fc.oneof(
        fc.constantFrom(allele.vepAllele, allele.text, allele.vepAllele.toLowerCase(), 'G', ''),
        fieldText,
      );
    case 'ALLELE_NUM':
      return fc.constantFrom(
        String(allele.index),
        String((allele.index % allele.altCount) + 1),
        '01',
        ' 1',
        '1.0',
        '1e0',
        '0x1',
        '',
      );
    case 'CANONICAL':
      return fc.constantFrom('YES', 'YES', 'yes', 'YES%3A', 'NO', '');
    case 'IMPACT':
    case 'Annotation_Impact':
      return fc.constantFrom('HIGH', 'MODERATE', 'LOW', 'MODIFIER', 'high', 'MODERATE%3A', 'LOWER', '');
    case 'MANE_SELECT':
      return fc.constantFrom('', '', 'NM_004333.6', 'NM%3A1');
    case 'MANE':
      return fc.constantFrom(
        '',
        'MANE_Select',
        'MANE_Plus_Clinical',
        'MANE_Select&MANE_Plus_Clinical',
        'mane_select',
      );
    case 'Feature_type':
    case 'Feature_Type':
      return fc.constantFrom(
        'Transcript',
        'Transcript',
        'transcript',
        'TRANSCRIPT',
        '',
        'RegulatoryFeature',
        'MotifFeature',
        'intergenic_region',
        'Transcript%3A',
      );
    case 'Feature':
    case 'Feature_ID':
      return fc.constantFrom('ENST01.1', 'ENST02.3', 'ENST0%3A', 'ENST"1', 'NM_1', '');
    case 'Consequence':
    case 'Annotation':
    case 'Existing_variation':
      return terms;
    default:
      return name === 'AF' || name.endsWith('_AF') ? frequencyText.map(withoutSeparators) : fieldText;
  }
}

/** Entries of the layout's columns, sometimes with a field more or one less. */
function annotationValues(layout: AnnotationLayout, allele: AnnotatedAllele): fc.Arbitrary<string> {
  const entry = fc
    .tuple(
      fc.integer({ min: -1, max: 1 }),
      fc.tuple(...layout.fields.map((name) => fieldFor(name, allele))),
      fieldText,
    )
    .map(([extra, fields, more]) => {
      if (extra > 0) return [...fields, more].join('|');
      return (extra < 0 && fields.length > 1 ? fields.slice(0, -1) : fields).join('|');
    });
  return fc.array(entry, { maxLength: 6 }).map((entries) => entries.join(','));
}

const alleles: fc.Arbitrary<AnnotatedAllele> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 0, max: 2 }),
    fc.constantFrom('T', 'c', 'AT', '-', '<DEL>', 'A'),
  )
  .map(([altCount, offset, text]) => ({
    index: Math.min(altCount, 1 + offset),
    altCount,
    text,
    vepAllele: text === 'AT' ? 'T' : text,
  }));

/** A layout, an allele and a value of that layout's entries for it. */
const annotated = fc
  .tuple(layouts, alleles)
  .chain(([layout, allele]) => annotationValues(layout, allele).map((value) => ({ layout, value, allele })));

const kernel = new TranscriptsWasm();

describe('transcripts JSON written in WebAssembly', () => {
  it('is what transcriptsJson writes, for any layout, value and allele, and is JSON', () => {
    fc.assert(
      fc.property(annotated, (value) => {
        const values = [value];
        const written = kernel.write(values);
        expect(written).toEqual(reference(values));
        // The database stores this text unread (migration 0017): it must parse, as an array of transcripts.
        if (written) expect(Array.isArray(JSON.parse(written.json))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same JSON as bytes kept in an arena as it gives as text', () => {
    const arena = new ByteArena();
    fc.assert(
      fc.property(annotated, (value) => {
        const values = [value];
        const text = kernel.write(values);
        const bytes = kernel.write(values, arena);
        if (text === null) expect(bytes).toBeNull();
        else expect({ ...bytes, json: Buffer.from(bytes?.json ?? []).toString('latin1') }).toEqual(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes two annotation sources of one allele into one array, as the ingest does', () => {
    fc.assert(
      fc.property(
        alleles.chain((allele) =>
          fc.array(
            layouts.chain((layout) =>
              annotationValues(layout, allele).map((value) => ({ layout, value, allele })),
            ),
            { minLength: 2, maxLength: 3 },
          ),
        ),
        (values) => {
          expect(kernel.write(values)).toEqual(reference(values));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps of a one-ALT record only the entries naming its ALT when others name another allele', () => {
    const layout: AnnotationLayout = {
      source: 'VEP',
      infoKey: 'CSQ',
      fields: ['Allele', 'Consequence', 'Feature'],
    };
    const entries = 'C|missense_variant|ENST1.1,T|stop_gained|ENST1.1,t|stop_gained|ENST2.1';
    const snv: AnnotatedAllele = { index: 1, altCount: 1, text: 'T', vepAllele: 'T' };
    const values = [{ layout, value: entries, allele: snv }];
    const written = kernel.write(values);
    expect(written).toEqual(reference(values));
    expect(written?.json).toContain('"ENST1.1"');
    expect(written?.json).toContain('stop_gained');
    expect(written?.json).not.toContain('missense_variant');
    // An insertion named by VEP without its padding base, its other allele by the full text.
    const insertion: AnnotatedAllele = { index: 1, altCount: 1, text: 'ACTT', vepAllele: 'CTT' };
    const indels = [
      { layout, value: '-|frameshift_variant|ENST1.1,CTT|inframe_insertion|ENST1.1', allele: insertion },
    ];
    expect(kernel.write(indels)).toEqual(reference(indels));
    expect(kernel.write(indels)?.json).toContain('inframe_insertion');
    expect(kernel.write(indels)?.json).not.toContain('frameshift_variant');
    // No entry naming the ALT: all kept.
    const unnamed = [{ layout, value: 'deletion|x|ENST1.1,deletion|y|ENST2.1', allele: snv }];
    expect(kernel.write(unnamed)?.transcripts).toBe(2);
  });

  it('grows its memory for a value of thousands of transcripts, then serves a small one', () => {
    const layout: AnnotationLayout = { source: 'VEP', infoKey: 'CSQ', fields: VEP_FIELDS };
    const allele: AnnotatedAllele = { index: 1, altCount: 1, text: 'T', vepAllele: 'T' };
    const long = 'x%3A"'.repeat(20_000);
    const entries = Array.from(
      { length: 2000 },
      (_, i) =>
        `T|missense_variant|HIGH|G${i}|ENSG1|Transcript|ENST${i}.1|pc|${long.slice(0, (i % 150) * 7)}|p.X|` +
        `rs1&rs2|YES|NM_${i}.1||1|0.1|1e-05|0.5|0.05`,
    );
    entries.push(`T|stop_gained|HIGH|G|ENSG1|Transcript|ENSTlong.1|pc|${long.slice(0, 60_000)}||||||1||||`);
    const values = [{ layout, value: entries.join(','), allele }];
    const written = kernel.write(values);
    expect(written?.transcripts).toBe(2001);
    expect(written).toEqual(reference(values));
    const small = [{ layout, value: entries[1] as string, allele }];
    expect(kernel.write(small)).toEqual(reference(small));
  });

  it('keeps the layouts of many headers apart, starting its layout area again when it is full', () => {
    const allele: AnnotatedAllele = { index: 1, altCount: 1, text: 'T', vepAllele: 'T' };
    // Each layout's block is about 2 KB (100 frequency columns): 40 fill the area.
    const layoutsMade = Array.from({ length: 80 }, (_, n) => {
      const frequencies = Array.from({ length: 100 }, (_, f) => `P${n}_${f}_AF`);
      return {
        source: 'VEP',
        infoKey: 'CSQ',
        fields: ['Allele', 'Consequence', 'Feature', ...frequencies],
      } as const;
    });
    const valueFor = (n: number) =>
      `T|missense_variant|ENST${n}.1|${Array.from({ length: 100 }, (_, f) => (f === n % 100 ? '0.5' : '')).join('|')}`;
    for (const round of [0, 1]) {
      layoutsMade.forEach((layout, n) => {
        const values = [{ layout, value: valueFor(n + round), allele }];
        const written = kernel.write(values);
        expect(written).toEqual(reference(values));
        expect(written?.json).toContain(`"P${n}_${(n + round) % 100}_AF":0.5`);
      });
    }
  });

  it('leaves to transcriptsJson what it does not take: text outside ASCII, very long values, huge layouts', () => {
    const layout: AnnotationLayout = {
      source: 'VEP',
      infoKey: 'CSQ',
      fields: ['Allele', 'Consequence', 'Feature'],
    };
    const one: AnnotatedAllele = { index: 1, altCount: 1, text: 'T', vepAllele: 'T' };
    expect(kernel.write([{ layout, value: 'T|missense_variant|ENST1.1', allele: one }])).not.toBeNull();
    expect(kernel.write([{ layout, value: 'T|missense_variant|ENSTæ', allele: one }])).toBeNull();
    expect(kernel.write([{ layout, value: 'T|missense_variant|ENST€', allele: one }])).toBeNull();
    const two: AnnotatedAllele = { index: 2, altCount: 2, text: 'Ø', vepAllele: 'Ø' };
    expect(kernel.write([{ layout, value: 'T|missense_variant|ENST1.1', allele: two }])).toBeNull();
    const longValue = `T|missense_variant|ENST1.1|${'x'.repeat(4 * 1024 * 1024)}`;
    expect(kernel.write([{ layout, value: longValue, allele: one }])).toBeNull();
    const huge: AnnotationLayout = {
      source: 'VEP',
      infoKey: 'CSQ',
      fields: ['Allele', 'Consequence', 'Feature', `${'X'.repeat(70_000)}_AF`],
    };
    expect(kernel.write([{ layout: huge, value: 'T|missense_variant|ENST1.1|0.5', allele: one }])).toBeNull();
    // And after all of those it still writes.
    expect(kernel.write([{ layout, value: 'T|missense_variant|ENST1.1', allele: one }])?.transcripts).toBe(1);
  });

  it('writes a frequency column named outside ASCII under its own name, escaped (both ways alike)', () => {
    const layout: AnnotationLayout = {
      source: 'VEP',
      infoKey: 'CSQ',
      fields: ['Allele', 'Consequence', 'Feature', 'gnomAD_Ω_AF'],
    };
    const values = [
      {
        layout,
        value: 'T|missense_variant|ENST1.1|0.25',
        allele: { index: 1, altCount: 1, text: 'T', vepAllele: 'T' },
      },
    ];
    const written = kernel.write(values);
    expect(written).toEqual(reference(values));
    expect(JSON.parse(written?.json ?? '')[0][11]).toEqual({ gnomAD_Ω_AF: 0.25 });
  });

  it('is built from its source: the committed transcripts.wasm is what `npm run build:wasm` makes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genvei-wasm-'));
    try {
      const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
      const built = join(dir, 'transcripts.wasm');
      execFileSync(process.execPath, [
        here('../../../../node_modules/assemblyscript/bin/asc.js'),
        here('./assembly/transcripts.ts'),
        '--config',
        here('./assembly/asconfig.json'),
        '--outFile',
        built,
      ]);
      expect(readFileSync(built).equals(readFileSync(here('./assembly/transcripts.wasm')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
