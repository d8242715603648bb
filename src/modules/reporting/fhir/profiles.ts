import type { Resource } from '@medplum/fhirtypes';
import { diagnosticImplication } from './diagnosticImplication.ts';
import { asJson, hasCoding } from './elements.ts';
import { genomicReport } from './genomicReport.ts';
import { genomicStudy, genomicStudyAnalysis } from './genomicStudy.ts';
import { type FixedCoding, IG_PROFILE_BASE, type ProfileRules, SYSTEM } from './rules.ts';
import { therapeuticImplication } from './therapeuticImplication.ts';
import { variant } from './variant.ts';

/** The IG profiles we check, by StructureDefinition id. */
export const CHECKED_PROFILES: readonly ProfileRules[] = [
  genomicReport,
  variant,
  therapeuticImplication,
  diagnosticImplication,
  genomicStudy,
  genomicStudyAnalysis,
];

export interface UncheckedProfile {
  id: string;
  resourceType: string;
  abstract?: boolean;
  /** The profile's fixed code, so references to such resources can still be recognised. */
  code?: FixedCoding;
}

/** The rest of the IG's profiles: a resource claiming one is real, but we do not check it. */
export const UNCHECKED_PROFILES: readonly UncheckedProfile[] = [
  { id: 'genomic-base', resourceType: 'Observation', abstract: true },
  { id: 'finding', resourceType: 'Observation', abstract: true },
  { id: 'implication', resourceType: 'Observation', abstract: true },
  { id: 'genotype', resourceType: 'Observation', code: { system: SYSTEM.LNC, code: '84413-4' } },
  { id: 'haplotype', resourceType: 'Observation', code: { system: SYSTEM.LNC, code: '84414-2' } },
  {
    id: 'sequence-phase-relationship',
    resourceType: 'Observation',
    code: { system: SYSTEM.LNC, code: '82120-7' },
  },
  {
    id: 'molecular-consequence',
    resourceType: 'Observation',
    code: { system: SYSTEM.TBD, code: 'molecular-consequence' },
  },
  { id: 'molecular-biomarker', resourceType: 'Observation' },
  { id: 'genomic-data-file', resourceType: 'DocumentReference' },
  { id: 'medication-recommendation', resourceType: 'Task' },
  { id: 'followup-recommendation', resourceType: 'Task' },
  // A data type profile (of Annotation, for Observation.note), so no resource can claim it.
  { id: 'coded-annotation', resourceType: 'Annotation' },
];

const checkedById = new Map(CHECKED_PROFILES.map((p) => [p.id, p]));
const uncheckedById = new Map(UNCHECKED_PROFILES.map((p) => [p.id, p]));

export type ProfileClaim =
  | { kind: 'checked'; url: string; rules: ProfileRules }
  | { kind: 'unchecked'; url: string; profile: UncheckedProfile }
  | { kind: 'unknown-ig'; url: string }
  | { kind: 'foreign'; url: string };

/** What a canonical URL in meta.profile refers to; a `|version` suffix is ignored. */
export function classifyProfile(canonical: string): ProfileClaim {
  const url = canonical.split('|')[0] ?? canonical;
  if (!url.startsWith(IG_PROFILE_BASE)) return { kind: 'foreign', url };
  const id = url.slice(IG_PROFILE_BASE.length);
  const rules = checkedById.get(id);
  if (rules) return { kind: 'checked', url, rules };
  const profile = uncheckedById.get(id);
  return profile ? { kind: 'unchecked', url, profile } : { kind: 'unknown-ig', url };
}

/** The IG profile ids a resource claims in meta.profile. */
export function claimedIgProfiles(resource: Resource): string[] {
  return (resource.meta?.profile ?? [])
    .map(classifyProfile)
    .filter((c) => c.kind !== 'foreign')
    .map((c) => c.url.slice(IG_PROFILE_BASE.length));
}

const fixedCode = (id: string): FixedCoding | undefined =>
  checkedById.get(id)?.code ?? uncheckedById.get(id)?.code;

/** Whether the resource carries the fixed code of IG profile `id` (false if it has none). */
export function carriesProfileCode(resource: Resource, id: string): boolean {
  const code = fixedCode(id);
  return code !== undefined && hasCoding(asJson(resource).code, code);
}

/** IG profiles whose fixed code the resource carries, for resources that claim no IG profile. */
export function profilesByCode(resource: Resource): string[] {
  return [...checkedById.keys(), ...uncheckedById.keys()].filter((id) => carriesProfileCode(resource, id));
}
