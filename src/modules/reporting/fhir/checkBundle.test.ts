import type { Bundle, Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { checkGenomicsBundle } from './checkBundle.ts';
import { SYSTEM } from './rules.ts';
import { buildValidGenomicsBundle, GENOMICS_IDS as ID, resourceIn } from './testing.ts';

const issue = (fields: {
  severity?: 'error' | 'warning';
  profile: string;
  resource: string;
  path: string;
  rule: string;
}) => ({
  severity: 'error',
  message: expect.any(String),
  ...fields,
});

const variantOf = (bundle: Bundle) => resourceIn(bundle, 'Observation', ID.variant);
const componentIndex = (observation: Observation, code: string) =>
  observation.component?.findIndex((c) => c.code.coding?.some((coding) => coding.code === code)) ?? -1;

describe('checkGenomicsBundle on a conforming bundle', () => {
  it('finds nothing wrong with the BRAF V600E report', () => {
    expect(checkGenomicsBundle(buildValidGenomicsBundle())).toEqual([]);
  });

  it('refuses something that is not a Bundle', () => {
    const notABundle = { resourceType: 'Observation' } as unknown as Bundle;
    expect(checkGenomicsBundle(notABundle)).toEqual([
      issue({ profile: 'Bundle', resource: 'Bundle', path: 'Bundle.resourceType', rule: 'type' }),
    ]);
  });
});

describe('required elements and cardinality', () => {
  it('reports a DiagnosticReport without code (R4 requires it)', () => {
    const bundle = buildValidGenomicsBundle();
    delete (resourceIn(bundle, 'DiagnosticReport', ID.report) as { code?: unknown }).code;
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'DiagnosticReport',
        resource: 'DiagnosticReport/rep-1',
        path: 'DiagnosticReport.code',
        rule: 'cardinality',
      }),
    ]);
  });

  it('does not require Variant.subject, which the IG leaves 0..1', () => {
    const bundle = buildValidGenomicsBundle();
    delete variantOf(bundle).subject;
    expect(checkGenomicsBundle(bundle)).toEqual([]);
  });

  it('reports a second allelic-state component on a Variant (slice 0..1)', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    const allelicState = variant.component?.[componentIndex(variant, '53034-5')];
    if (!allelicState) throw new Error('fixture has no allelic-state');
    variant.component?.push(structuredClone(allelicState));
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'variant',
        resource: 'Observation/var-1',
        path: 'Observation.component[allelic-state]',
        rule: 'cardinality',
      }),
    ]);
  });

  it('reports a Variant with only the laboratory category (GenomicBase category 2..*)', () => {
    const bundle = buildValidGenomicsBundle();
    variantOf(bundle).category = [{ coding: [{ system: SYSTEM.OBSCAT, code: 'laboratory' }] }];
    const issues = checkGenomicsBundle(bundle);
    expect(issues.map((i) => i.path)).toEqual(['Observation.category', 'Observation.category[geCategory]']);
    expect(issues.every((i) => i.rule === 'cardinality' && i.severity === 'error')).toBe(true);
  });

  it('reports a component slice without the value it requires', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    const i = componentIndex(variant, '48018-6');
    delete variant.component?.[i]?.valueCodeableConcept;
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'variant',
        resource: 'Observation/var-1',
        path: `Observation.component[${i}].value[x]`,
        rule: 'cardinality',
      }),
    ]);
  });

  it('reports a genomic category that carries a second coding (category[GE].coding 1..1)', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'DiagnosticReport', ID.report).category?.[0]?.coding?.push({
      system: SYSTEM.DIAGNOSTICSERVICE,
      code: 'LAB',
    });
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'genomic-report',
        resource: 'DiagnosticReport/rep-1',
        path: 'DiagnosticReport.category[0].coding',
        rule: 'cardinality',
      }),
    ]);
  });

  it('warns when a Variant gives no assessment value (IG text: SHALL, profile: 0..1)', () => {
    const bundle = buildValidGenomicsBundle();
    delete variantOf(bundle).valueCodeableConcept;
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        severity: 'warning',
        profile: 'variant',
        resource: 'Observation/var-1',
        path: 'Observation.value[x]',
        rule: 'cardinality',
      }),
    ]);
  });
});

describe('fixed codes, values and bindings', () => {
  it('reports a GenomicReport coded with the STU2 panel code instead of 51969-4', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'DiagnosticReport', ID.report).code = {
      coding: [{ system: SYSTEM.LNC, code: '81247-9' }],
    };
    expect(checkGenomicsBundle(bundle)).toEqual([
      {
        severity: 'error',
        profile: 'genomic-report',
        resource: 'DiagnosticReport/rep-1',
        path: 'DiagnosticReport.code',
        rule: 'fixed-code',
        message: 'code must include http://loinc.org#51969-4; found http://loinc.org#81247-9',
      },
    ]);
  });

  it('accepts the fixed code among other codings, since FSH assigns a pattern', () => {
    const bundle = buildValidGenomicsBundle();
    resourceIn(bundle, 'DiagnosticReport', ID.report).code.coding?.unshift({
      system: 'urn:genvei:analysis',
      code: 'x',
    });
    expect(checkGenomicsBundle(bundle)).toEqual([]);
  });

  it('reports a Variant value outside LL1971-2 (required binding)', () => {
    const bundle = buildValidGenomicsBundle();
    variantOf(bundle).valueCodeableConcept = {
      coding: [{ system: SYSTEM.LNC, code: 'LA6576-8', display: 'Positive' }],
    };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'variant',
        resource: 'Observation/var-1',
        path: 'Observation.valueCodeableConcept',
        rule: 'binding',
      }),
    ]);
  });

  it('reports a c.HGVS component given only as text (HGVSVS is a required binding)', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    const i = componentIndex(variant, '48004-6');
    const component = variant.component?.[i];
    if (component) component.valueCodeableConcept = { text: 'NM_004333.6:c.1799T>A' };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'variant',
        resource: 'Observation/var-1',
        path: `Observation.component[${i}].valueCodeableConcept`,
        rule: 'binding',
      }),
    ]);
  });

  it('reports a sample allelic frequency that is not in UCUM', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    const i = componentIndex(variant, '81258-6');
    const component = variant.component?.[i];
    if (component) component.valueQuantity = { value: 34, unit: 'percent' };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'variant',
        resource: 'Observation/var-1',
        path: `Observation.component[${i}].valueQuantity.system`,
        rule: 'fixed-value',
      }),
    ]);
  });

  it('reports a component value of the wrong type', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    const i = componentIndex(variant, '69547-8');
    const component = variant.component?.[i];
    if (component) {
      delete component.valueString;
      component.valueCodeableConcept = { text: 'A' };
    }
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'variant',
        resource: 'Observation/var-1',
        path: `Observation.component[${i}].valueCodeableConcept`,
        rule: 'type',
      }),
    ]);
  });

  it('reports a GenomicReport whose effective time is a Period (effective[x] only dateTime)', () => {
    const bundle = buildValidGenomicsBundle();
    const report = resourceIn(bundle, 'DiagnosticReport', ID.report);
    delete report.effectiveDateTime;
    report.effectivePeriod = { start: '2025-03-10', end: '2025-03-12' };
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        profile: 'genomic-report',
        resource: 'DiagnosticReport/rep-1',
        path: 'DiagnosticReport.effectivePeriod',
        rule: 'type',
      }),
    ]);
  });
});

describe('invariants and IG guidance', () => {
  const withCopyNumber = (valueQuantity: object) => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    variant.component?.push({ code: { coding: [{ system: SYSTEM.LNC, code: '82155-3' }] }, valueQuantity });
    return { bundle, path: `Observation.component[${(variant.component?.length ?? 0) - 1}].valueQuantity` };
  };

  it('reports a copy number counted in "copies" rather than the unit 1 (cnt-3)', () => {
    const { bundle, path } = withCopyNumber({ value: 3, system: SYSTEM.UCUM, code: 'copies' });
    expect(checkGenomicsBundle(bundle)).toEqual([
      {
        severity: 'error',
        profile: 'variant',
        resource: 'Observation/var-1',
        path,
        rule: 'invariant:cnt-3',
        message: expect.stringContaining("code must be '1', not 'copies'"),
      },
    ]);
  });

  it('accepts a whole copy number in UCUM 1, and only warns about a fractional one', () => {
    expect(checkGenomicsBundle(withCopyNumber({ value: 3, system: SYSTEM.UCUM, code: '1' }).bundle)).toEqual(
      [],
    );
    expect(
      checkGenomicsBundle(withCopyNumber({ value: 2.6, system: SYSTEM.UCUM, code: '1' }).bundle),
    ).toMatchObject([{ severity: 'warning', rule: 'invariant:cnt-3' }]);
  });

  it('warns when a Variant is defined neither by HGVS/ISCN nor VCF-style', () => {
    const bundle = buildValidGenomicsBundle();
    const variant = variantOf(bundle);
    const defining = ['48004-6', '81290-9', '69551-0'];
    variant.component = variant.component?.filter((c) => !defining.includes(c.code.coding?.[0]?.code ?? ''));
    expect(checkGenomicsBundle(bundle)).toEqual([
      issue({
        severity: 'warning',
        profile: 'variant',
        resource: 'Observation/var-1',
        path: 'Observation.component',
        rule: 'guidance:variant-definition',
      }),
    ]);
  });
});
