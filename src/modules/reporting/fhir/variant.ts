import {
  genomicBaseCategories,
  genomicBaseComponents,
  genomicBaseElements,
  genomicBaseExtensions,
  genomicBaseReferences,
  genomicFindingComponents,
} from './genomicBase.ts';
import { type ComponentSlice, type ProfileRules, type RequiredBinding, SYSTEM } from './rules.ts';

/** Variant (CGFindings.fsh), flattened over GenomicFinding and GenomicBase. */

const HGVS: RequiredBinding = { valueSet: 'HGVSVS', system: SYSTEM.HGVS };

interface SliceOptions {
  max?: ComponentSlice['max'];
  types?: readonly string[];
  valueRequired?: boolean;
  binding?: RequiredBinding;
  quantitySystem?: string;
  invariants?: readonly string[];
}

const slice = (name: string, system: string, code: string, options: SliceOptions = {}): ComponentSlice => ({
  name,
  code: { system, code },
  min: 0,
  max: options.max ?? 1,
  valueTypes: options.types ?? ['CodeableConcept'],
  // Every CodeableConcept-valued Variant slice says `value[x] 1..1`; most others do not.
  valueRequired: options.valueRequired ?? options.types === undefined,
  ...(options.binding ? { binding: options.binding } : {}),
  ...(options.quantitySystem ? { quantitySystem: options.quantitySystem } : {}),
  ...(options.invariants ? { invariants: options.invariants } : {}),
});

const loinc = (name: string, code: string, options?: SliceOptions) => slice(name, SYSTEM.LNC, code, options);
const tbd = (name: string, code: string, options?: SliceOptions) => slice(name, SYSTEM.TBD, code, options);

export const variantComponents: readonly ComponentSlice[] = [
  loinc('representative-coding-hgvs', '48004-6', { binding: HGVS }),
  loinc('genomic-hgvs', '81290-9', { binding: HGVS }),
  loinc('cytogenomic-nomenclature', '81291-7'),
  loinc('genomic-ref-seq', '48013-7'),
  tbd('representative-protein-ref-seq', 'protein-ref-seq'),
  loinc('representative-transcript-ref-seq', '51958-7'),
  loinc('exact-start-end', '81254-5', { types: ['Range'] }),
  loinc('inner-start-end', '81302-2', { types: ['Range'] }),
  loinc('outer-start-end', '81301-4', { types: ['Range'] }),
  loinc('coordinate-system', '92822-6'),
  loinc('ref-allele', '69547-8', { types: ['string'] }),
  loinc('alt-allele', '69551-0', { types: ['string'] }),
  loinc('coding-change-type', '48019-4'),
  loinc('genomic-source-class', '48002-0'),
  loinc('sample-allelic-frequency', '81258-6', { types: ['Quantity'], quantitySystem: SYSTEM.UCUM }),
  loinc('allelic-read-depth', '82121-5', { types: ['Quantity'] }),
  loinc('allelic-state', '53034-5'),
  loinc('variant-inheritance', '94186-4'),
  loinc('variant-inheritance-basis', '82309-6'),
  loinc('variation-code', '81252-9', { max: '*' }),
  loinc('representative-protein-hgvs', '48005-3', { binding: HGVS }),
  // CGInvariants.fsh defines cnt-3 without attaching it anywhere (no `obeys`); the copy-number
  // slice's requirements repeat its wording, so this is where it is meant to hold.
  loinc('copy-number', '82155-3', {
    types: ['Quantity', 'Range'],
    valueRequired: false,
    invariants: ['cnt-3'],
  }),
  tbd('variant-confidence-status', 'variant-confidence-status', {
    binding: {
      valueSet: 'VariantConfidenceStatusVS',
      system: SYSTEM.VARIANT_CONFIDENCE,
      codes: ['high', 'intermediate', 'low'],
    },
  }),
  tbd('repeat-motif', 'repeat-motif', { max: '*', types: ['string'], valueRequired: true }),
  tbd('repeat-number', 'repeat-number', { max: '*', types: ['Quantity'], valueRequired: true }),
];

export const variant: ProfileRules = {
  id: 'variant',
  parents: ['finding', 'genomic-base'],
  resourceType: 'Observation',
  elements: [
    ...genomicBaseElements,
    // sequencing.html: "Data producers SHALL include an assessment for each variant"; the
    // StructureDefinition leaves value[x] 0..1, so this is a warning.
    { element: 'value[x]', min: 1, max: 1, source: 'ig-narrative' },
  ],
  code: { system: SYSTEM.LNC, code: '69548-6' },
  categorySlices: genomicBaseCategories,
  components: [...genomicBaseComponents, ...genomicFindingComponents, ...variantComponents],
  // LL1971-2, LOINC's presence answer list: Present, Absent, No call, Indeterminate.
  valueBinding: {
    valueSet: 'http://loinc.org/vs/LL1971-2',
    system: SYSTEM.LNC,
    codes: ['LA9633-4', 'LA9634-2', 'LA18198-4', 'LA11884-6'],
  },
  extensions: genomicBaseExtensions,
  references: genomicBaseReferences,
  componentPatterns: {
    rule: 'guidance:variant-definition',
    // sequencing.html: a variant is defined either by nomenclature (HGVS or ISCN) or VCF-style
    // by reference sequence, coordinate system, start-end and the two alleles.
    alternatives: [
      ['genomic-hgvs'],
      ['representative-coding-hgvs'],
      ['cytogenomic-nomenclature'],
      ['genomic-ref-seq', 'coordinate-system', 'exact-start-end', 'ref-allele', 'alt-allele'],
      [
        'representative-transcript-ref-seq',
        'coordinate-system',
        'exact-start-end',
        'ref-allele',
        'alt-allele',
      ],
    ],
    message:
      'the variant is defined neither by nomenclature (HGVS, ISCN) nor VCF-style ' +
      '(reference sequence, coordinate system, exact start-end, ref and alt allele)',
  },
};
