import type { Bundle } from '@medplum/fhirtypes';
import { BASE_RULES } from './baseResources.ts';
import { type IndexedEntry, indexBundle } from './bundleIndex.ts';
import { checkElements, checkProfile, checkReferences, scopeFor } from './checkResource.ts';
import type { ProfileIssue } from './issue.ts';
import { classifyProfile, profilesByCode } from './profiles.ts';
import type { ProfileRules, ReferenceRule } from './rules.ts';

/**
 * Checks a FHIR R4 bundle against the Genomics Reporting IG profiles its resources claim in
 * meta.profile, plus FHIR R4's own required elements and in-bundle reference resolution for the
 * resource types a genomic report is made of. An empty result means everything checked conforms.
 */
export function checkGenomicsBundle(bundle: Bundle): ProfileIssue[] {
  if ((bundle as { resourceType?: unknown }).resourceType !== 'Bundle') {
    return [
      {
        severity: 'error',
        profile: 'Bundle',
        resource: 'Bundle',
        path: 'Bundle.resourceType',
        rule: 'type',
        message: 'not a Bundle',
      },
    ];
  }
  const index = indexBundle(bundle);
  const issues: ProfileIssue[] = [...index.issues];
  for (const entry of index.entries) {
    const profiles = claimedProfiles(entry, issues);
    const resourceType = entry.resource.resourceType;
    const base = BASE_RULES[resourceType];
    if (base) checkElements(scopeFor(entry, index, resourceType, issues), base.elements);
    for (const rules of profiles) checkProfile(scopeFor(entry, index, rules.id, issues), rules);
    for (const { profile, rule } of referenceRules(resourceType, profiles)) {
      checkReferences(scopeFor(entry, index, profile, issues), [rule]);
    }
  }
  return issues;
}

/** The checked profiles an entry claims; every other claim is reported as it is met. */
function claimedProfiles(entry: IndexedEntry, issues: ProfileIssue[]): ProfileRules[] {
  const { resource, label } = entry;
  const claims = (resource.meta?.profile ?? []).map(classifyProfile);
  const report = (severity: ProfileIssue['severity'], message: string) =>
    issues.push({
      severity,
      profile: 'Bundle',
      resource: label,
      path: `${resource.resourceType}.meta.profile`,
      rule: 'profile',
      message,
    });

  const checked: ProfileRules[] = [];
  for (const claim of claims) {
    if (claim.kind === 'checked') {
      if (claim.rules.resourceType === resource.resourceType) checked.push(claim.rules);
      else report('error', `${claim.url} profiles ${claim.rules.resourceType}, not ${resource.resourceType}`);
    } else if (claim.kind === 'unknown-ig') {
      report('error', `${claim.url} is not a profile of the Genomics Reporting IG`);
    } else if (claim.kind === 'unchecked') {
      const { profile } = claim;
      if (profile.resourceType !== resource.resourceType) {
        report('error', `${claim.url} profiles ${profile.resourceType}, not ${resource.resourceType}`);
      } else if (profile.abstract) {
        report('warning', `${claim.url} is abstract; claim a concrete profile derived from it`);
      } else {
        report('warning', `${claim.url} is not checked by genvei`);
      }
    } else {
      report('warning', `${claim.url} is outside the Genomics Reporting IG and not checked`);
    }
  }
  if (!claims.some((c) => c.kind !== 'foreign')) {
    const lookalikes = profilesByCode(resource);
    if (lookalikes.length > 0) {
      report(
        'warning',
        `carries the fixed code of ${lookalikes.join(', ')} but claims no IG profile, so only FHIR R4 base rules were checked`,
      );
    }
  }
  return checked;
}

/**
 * R4's reference rules for the resource type, with a profile's narrower target replacing R4's
 * for the same element, so that each reference is resolved and reported once.
 */
function referenceRules(resourceType: string, profiles: readonly ProfileRules[]) {
  const byElement = new Map<string, { profile: string; rule: ReferenceRule }>();
  for (const rule of BASE_RULES[resourceType]?.references ?? []) {
    byElement.set(rule.element, { profile: resourceType, rule });
  }
  for (const rules of profiles) {
    for (const rule of rules.references ?? []) byElement.set(rule.element, { profile: rules.id, rule });
  }
  return [...byElement.values()];
}
