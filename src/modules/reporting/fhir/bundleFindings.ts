import type { CodeableConcept, Observation } from '@medplum/fhirtypes';
import {
  type ClinicalImplication,
  type CopyNumberFinding,
  codingHgvs,
  type Finding,
  type FusionFinding,
  type GeneRef,
  proteinHgvs,
  type ReportContent,
  type SequenceVariant,
} from '../content.ts';
import {
  ASSEMBLY,
  changeType,
  clinicalSignificance,
  codedComponent,
  coding,
  concept,
  conclusionComponent,
  evidenceLevels,
  hgvsComponent,
  loinc,
  MSI_ANSWERS,
  OBSERVATION_STATUS,
  reference,
  refSeqComponent,
  SOURCE_CLASS,
  SYSTEMS,
  stringComponent,
  THERAPY_RESPONSE,
  tbd,
} from './bundleCodes.ts';
import { CORE_EXTENSION, profileUrl } from './rules.ts';

/**
 * The findings of a report as Genomics Reporting observations: a Variant per sequence variant,
 * copy-number change and fusion; a DiagnosticImplication carrying each finding's classification
 * (one per diagnostic implication, or one on its own when there is none), a
 * TherapeuticImplication per therapeutic implication and per clinical trial, each derivedFrom its
 * Variant; TMB and MSI as MolecularBiomarker. The IG has no profile for prognostic implications,
 * so they travel in the Variant's conclusion text.
 */

/** The context every observation in the report shares: who, from what, when, and `urn:uuid`s. */
export interface ObservationContext {
  content: ReportContent;
  patient: string;
  specimen: string;
  fullUrl(key: string): string;
}

type Component = NonNullable<Observation['component']>[number];
export type Entry = { fullUrl: string; resource: Observation };

const LAB_CATEGORY = concept([coding(SYSTEMS.OBSCAT, 'laboratory')]);
const GE_CATEGORY = concept([coding(SYSTEMS.DIAGNOSTICSERVICE, 'GE')]);

function observation(ctx: ObservationContext, profile: string, code: CodeableConcept): Observation {
  return {
    resourceType: 'Observation',
    meta: { profile: [profileUrl(profile)] },
    status: OBSERVATION_STATUS[ctx.content.status],
    category: [LAB_CATEGORY, GE_CATEGORY],
    code,
    subject: reference(ctx.patient),
    effectiveDateTime: ctx.content.method.performedOn,
    specimen: reference(ctx.specimen),
  };
}

const entry = (ctx: ObservationContext, key: string, resource: Observation): Entry => ({
  fullUrl: ctx.fullUrl(key),
  resource,
});

const geneComponent = (gene: GeneRef): Component =>
  codedComponent(
    loinc('48018-6'),
    gene.hgncId
      ? concept([coding(SYSTEMS.HGNC, gene.hgncId, gene.symbol)], gene.symbol)
      : { text: gene.symbol },
  );

const quantity = (value: number) => ({ value, system: SYSTEMS.UCUM, code: '1' });

function sequenceComponents(v: SequenceVariant): Component[] {
  const components: Component[] = [
    geneComponent(v.gene),
    hgvsComponent('48004-6', codingHgvs(v)),
    refSeqComponent(loinc('51958-7'), v.transcript),
  ];
  const protein = proteinHgvs(v);
  if (protein && v.protein) {
    components.push(hgvsComponent('48005-3', protein), refSeqComponent(tbd('protein-ref-seq'), v.protein));
  }
  const g = v.genomic;
  if (g) {
    if (g.hgvsg) {
      components.push(hgvsComponent('81290-9', g.hgvsg));
      const accession = g.hgvsg.split(':')[0];
      if (accession) components.push(refSeqComponent(loinc('48013-7'), accession));
    }
    components.push(
      codedComponent(loinc('62374-4'), concept([ASSEMBLY[g.assembly]])),
      codedComponent(
        loinc('92822-6'),
        concept([coding(SYSTEMS.LNC, 'LA30102-0', '1-based character counting')]),
      ),
      {
        code: loinc('81254-5'),
        valueRange: {
          low: { value: g.position },
          high: { value: g.position + Math.max(g.ref.length, 1) - 1 },
        },
      },
      stringComponent(loinc('69547-8'), g.ref),
      stringComponent(loinc('69551-0'), g.alt),
    );
  }
  const change = changeType(v);
  if (change) components.push(codedComponent(loinc('48019-4'), concept([change])));
  const source = SOURCE_CLASS[v.origin];
  if (source) components.push(codedComponent(loinc('48002-0'), concept([source])));
  components.push(
    { code: loinc('81258-6'), valueQuantity: quantity(v.vaf) },
    { code: loinc('82121-5'), valueQuantity: quantity(v.depth) },
  );
  return components;
}

function copyNumberComponents(f: CopyNumberFinding): Component[] {
  const gain = f.kind === 'amplification' || f.kind === 'gain';
  const components: Component[] = [
    geneComponent(f.gene),
    codedComponent(
      loinc('48019-4'),
      concept([
        coding(
          SYSTEMS.SO,
          gain ? 'SO:0001742' : 'SO:0001743',
          gain ? 'copy_number_gain' : 'copy_number_loss',
        ),
      ]),
    ),
  ];
  if (f.copyNumber !== null)
    components.push({ code: loinc('82155-3'), valueQuantity: quantity(f.copyNumber) });
  if (f.iscn) components.push(codedComponent(loinc('81291-7'), concept([coding(SYSTEMS.ISCN, f.iscn)])));
  return components;
}

function fusionComponents(f: FusionFinding): Component[] {
  const components: Component[] = [
    geneComponent(f.fivePrime),
    geneComponent(f.threePrime),
    codedComponent(loinc('48019-4'), concept([coding(SYSTEMS.SO, 'SO:0001565', 'gene_fusion')])),
    codedComponent(loinc('81252-9'), {
      text: `${f.fivePrime.symbol}::${f.threePrime.symbol} ${f.description}`,
    }),
  ];
  if (f.iscn) components.push(codedComponent(loinc('81291-7'), concept([coding(SYSTEMS.ISCN, f.iscn)])));
  return components;
}

const kindComponents = (f: Finding): Component[] =>
  'hgvsc' in f ? sequenceComponents(f) : 'kind' in f ? copyNumberComponents(f) : fusionComponents(f);

/** The interpretation, with prognostic implications appended, since no IG profile carries them. */
function findingConclusion(f: Finding): string {
  const prognostic = f.implications
    .filter((i) => i.kind === 'prognostic')
    .map((i) => `${i.text} [${[i.evidenceLevel, i.source].filter(Boolean).join('; ')}]`);
  return [f.interpretation, ...prognostic].join('\n');
}

const condition = (ctx: ObservationContext, implication: ClinicalImplication | null): CodeableConcept => {
  const target = implication?.condition ?? ctx.content.clinical.diagnosis;
  return target.icd10 ? concept([coding(SYSTEMS.ICD10, target.icd10)], target.text) : { text: target.text };
};

const citation = (source: string) => ({
  url: `${CORE_EXTENSION}workflow-relatedArtifact`,
  valueRelatedArtifact: { type: 'citation' as const, citation: source },
});

export function findingEntries(ctx: ObservationContext, f: Finding): Entry[] {
  const variant = entry(ctx, `finding/${f.id}`, {
    ...observation(ctx, 'variant', loinc('69548-6')),
    valueCodeableConcept: concept([coding(SYSTEMS.LNC, 'LA9633-4', 'Present')]),
    method: concept([coding(SYSTEMS.LNC, 'LA26398-0', 'Sequencing')]),
    component: [...kindComponents(f), conclusionComponent(findingConclusion(f))],
  });
  const implication = (key: string, profile: string, components: Component[], source: string | null) =>
    entry(ctx, `finding/${f.id}/${key}`, {
      ...observation(ctx, profile, tbd(profile)),
      derivedFrom: [reference(variant.fullUrl)],
      component: components,
      ...(source ? { extension: [citation(source)] } : {}),
    });

  const diagnostic = f.implications.filter((i) => i.kind === 'diagnostic');
  const diagnosticEntries = (diagnostic.length > 0 ? diagnostic : [null]).map((d, n) =>
    implication(
      `diagnostic/${n}`,
      'diagnostic-implication',
      diagnosticComponents(ctx, f, d),
      d?.source ?? null,
    ),
  );
  const therapeuticEntries = f.implications
    .filter((i) => i.kind === 'therapeutic')
    .map((t, n) =>
      implication(`therapeutic/${n}`, 'therapeutic-implication', therapeuticComponents(ctx, t), t.source),
    );
  const trialEntries = f.trials.map((trial, n) => {
    const trialCoding = trial.id.startsWith('NCT')
      ? [coding(SYSTEMS.CLINICAL_TRIALS, trial.id, trial.id)]
      : [];
    const components: Component[] = [
      codedComponent(tbd('associated-therapy'), concept(trialCoding, `${trial.id}: ${trial.title}`)),
      codedComponent(loinc('81259-4'), condition(ctx, null)),
    ];
    if (trial.site) components.push(conclusionComponent(trial.site));
    return implication(`trial/${n}`, 'therapeutic-implication', components, null);
  });
  return [variant, ...diagnosticEntries, ...therapeuticEntries, ...trialEntries];
}

/**
 * The finding's class and evidence levels, with the diagnostic implication's own level, condition
 * and text; without one, the finding's interpretation explains the class.
 */
function diagnosticComponents(
  ctx: ObservationContext,
  f: Finding,
  d: ClinicalImplication | null,
): Component[] {
  const components: Component[] = [
    codedComponent(loinc('53037-8'), clinicalSignificance(f.classification)),
    ...evidenceLevels(f.classification).map((level) => codedComponent(loinc('93044-6'), { text: level })),
  ];
  if (!d) return [...components, conclusionComponent(f.interpretation)];
  if (d.evidenceLevel) components.push(codedComponent(loinc('93044-6'), { text: d.evidenceLevel }));
  components.push(codedComponent(loinc('81259-4'), condition(ctx, d)), conclusionComponent(d.text));
  return components;
}

function therapeuticComponents(ctx: ObservationContext, t: ClinicalImplication): Component[] {
  const components: Component[] = [];
  if (t.response) {
    components.push(codedComponent(tbd('therapeutic-implication'), concept([THERAPY_RESPONSE[t.response]])));
  }
  for (const drug of t.drugs) {
    const drugCoding = drug.atc ? [coding(SYSTEMS.ATC, drug.atc, drug.name)] : [];
    components.push(codedComponent(loinc('51963-7'), concept(drugCoding, drug.name)));
  }
  components.push(codedComponent(loinc('81259-4'), condition(ctx, t)));
  if (t.evidenceLevel) components.push(codedComponent(loinc('93044-6'), { text: t.evidenceLevel }));
  components.push(conclusionComponent(t.text));
  return components;
}

/** TMB and MSI as MolecularBiomarker, which adds the biomarker category to the usual two. */
export function biomarkerEntries(ctx: ObservationContext): Entry[] {
  const { tmb, msi } = ctx.content.biomarkers;
  const base = (code: CodeableConcept): Observation => ({
    ...observation(ctx, 'molecular-biomarker', code),
    category: [LAB_CATEGORY, concept([coding(SYSTEMS.TBD, 'biomarker-category')]), GE_CATEGORY],
    component: [
      codedComponent(
        tbd('biomarker-category'),
        concept([coding(SYSTEMS.BIOMARKER, 'molgen', 'molecular sequence adjacent category')]),
      ),
    ],
  });
  const entries: Entry[] = [];
  if (tmb) {
    const resource = base(loinc('94076-7', 'Mutations/Megabase [# Ratio] in Tumor'));
    resource.valueQuantity = {
      value: tmb.value,
      unit: 'mutations/Mb',
      system: SYSTEMS.UCUM,
      code: '1/1000000{Base}',
    };
    if (tmb.interpretation) resource.note = [{ text: tmb.interpretation }];
    entries.push(entry(ctx, 'biomarker/tmb', resource));
  }
  if (msi) {
    const resource = base(
      loinc('81695-9', 'Microsatellite instability [Interpretation] in Cancer specimen Qualitative'),
    );
    resource.valueCodeableConcept = concept([MSI_ANSWERS[msi.status]]);
    const note = [msi.method, msi.score === null ? null : `score ${msi.score}`, msi.interpretation].filter(
      Boolean,
    );
    if (note.length > 0) resource.note = [{ text: note.join('; ') }];
    entries.push(entry(ctx, 'biomarker/msi', resource));
  }
  return entries;
}
