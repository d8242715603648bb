import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnnotatedAllele, transcriptsJson } from './annotations.ts';
import { JsonBytes } from './jsonBytes.ts';
import type { AnnotationLayout } from './model.ts';
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

const VEP_FIELDS = [
  'Allele',
  'Consequence',
  'IMPACT',
  'SYMBOL',
  'Gene',
  'Feature_type',
  'Feature',
  'BIOTYPE',
  'HGVSc',
  'HGVSp',
  'Existing_variation',
  'CANONICAL',
  'MANE_SELECT',
  'MANE',
  'ALLELE_NUM',
  'AF',
  'gnomADe_AF',
  'gnomADe_NFE_AF',
  'MAX_AF',
];

/** A VEP layout with any subset of the optional columns, in any order; or SnpEff's. */
const layouts = fc.oneof(
  fc.tuple(fc.subarray(VEP_FIELDS.slice(2)), fc.boolean()).chain(([optional, front]) =>
    fc.shuffledSubarray(optional, { minLength: optional.length }).map((shuffled) => {
      const fields = front ? ['Allele', 'Consequence', ...shuffled] : [...shuffled, 'Consequence', 'Allele'];
      return { source: 'VEP', infoKey: 'CSQ', fields } as AnnotationLayout;
    }),
  ),
  fc.constant({
    source: 'SnpEff',
    infoKey: 'ANN',
    fields: [
      'Allele',
      'Annotation',
      'Annotation_Impact',
      'Gene_Name',
      'Gene_ID',
      'Feature_Type',
      'Feature_ID',
      'Transcript_BioType',
      'Rank',
      'HGVS.c',
      'HGVS.p',
      'cDNA.pos / cDNA.length',
      'CDS.pos / CDS.length',
      'AA.pos / AA.length',
      'Distance',
      'ERRORS / WARNINGS / INFO',
    ],
  } as AnnotationLayout),
);

/** Field text with what the writers must handle alike; `|` and `,` never occur inside a field. */
const fieldText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '%3A',
        '%3b',
        '%3D',
        '%25',
        '%2C',
        '%2c',
        '%0D',
        '%0a',
        '%09',
        '%',
        '%2',
        '%41',
        '%%3B',
      ),
      fc.constantFrom('"', '\\', '\u0000', '\b', '\f', '\u001f', '\u007f', '&', '&&', 'T', 'c', 'A'),
      fc.constantFrom(
        'HIGH',
        'MODERATE',
        'LOW',
        'MODIFIER',
        'YES',
        'MANE_Select',
        'ENST0001.2',
        'NM_004333.6',
      ),
      fc.constantFrom('0.0324', '1e-05', '0.10', '5.0E-3', '00.5', '1', '12', '0.000001', '1.5&0.2', 'NaN'),
      fc.constantFrom('01', ' 1', '1.0', '+1', '2', '3', '0x1', ''),
      fc.string({
        unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
        maxLength: 6,
      }),
      fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    ),
    { maxLength: 3 },
  )
  .map((parts) => parts.join('').replace(/[|,]/g, ''));

/** Entries of about the layout's field count (sometimes one more or one less) from a few transcript ids. */
function annotationValues(layout: AnnotationLayout) {
  const width = layout.fields.length;
  const feature = layout.fields.indexOf(layout.source === 'VEP' ? 'Feature' : 'Feature_ID');
  const entry = fc
    .tuple(
      fc.integer({ min: -1, max: 1 }),
      fc.array(fieldText, { minLength: width + 1, maxLength: width + 1 }),
      fc.constantFrom('ENST01.1', 'ENST02.3', 'ENST0%3A', 'NM_1', ''),
    )
    .map(([extra, texts, id]) => {
      const fields = texts.slice(0, Math.max(1, width + extra));
      if (feature < fields.length && id !== '') fields[feature] = id;
      return fields.join('|');
    });
  return fc.array(entry, { minLength: 0, maxLength: 6 }).map((entries) => entries.join(','));
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

const kernel = new TranscriptsWasm();

describe('transcripts JSON written in WebAssembly', () => {
  it('is what transcriptsJson writes, for any layout, value and allele', () => {
    fc.assert(
      fc.property(
        layouts.chain((layout) => fc.tuple(fc.constant(layout), annotationValues(layout))),
        alleles,
        ([layout, value], allele) => {
          const values = [{ layout, value, allele }];
          expect(kernel.write(values)).toEqual(reference(values));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('writes two annotation sources of one allele into one array, as the ingest does', () => {
    fc.assert(
      fc.property(
        fc.array(
          layouts.chain((layout) => fc.tuple(fc.constant(layout), annotationValues(layout))),
          {
            minLength: 2,
            maxLength: 3,
          },
        ),
        alleles,
        (pairs, allele) => {
          const values = pairs.map(([layout, value]) => ({ layout, value, allele }));
          expect(kernel.write(values)).toEqual(reference(values));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('grows its memory for a value of thousands of transcripts and long fields', () => {
    const layout: AnnotationLayout = { source: 'VEP', infoKey: 'CSQ', fields: VEP_FIELDS };
    const allele: AnnotatedAllele = { index: 1, altCount: 1, text: 'T', vepAllele: 'T' };
    const long = 'x%3A"'.repeat(20_000);
    const entries = Array.from(
      { length: 3000 },
      (_, i) =>
        `T|missense_variant|HIGH|G${i}|ENSG1|Transcript|ENST${i}.1|pc|${long.slice(0, i * 7)}|p.X|rs1&rs2|YES|NM_${i}.1||1|0.1|1e-05|0.5|0.05`,
    );
    const values = [{ layout, value: entries.join(','), allele }];
    const written = kernel.write(values);
    expect(written?.transcripts).toBe(3000);
    expect(written).toEqual(reference(values));
    // And the memory it grew serves a small value after it.
    const small = [{ layout, value: entries[1] as string, allele }];
    expect(kernel.write(small)).toEqual(reference(small));
  });

  it('leaves a value or an allele outside ASCII to transcriptsJson', () => {
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
