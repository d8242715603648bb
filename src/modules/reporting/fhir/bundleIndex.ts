import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { ProfileIssue } from './issue.ts';

export interface IndexedEntry {
  index: number;
  fullUrl?: string;
  resource: Resource;
  /** How issues name the resource: `Type/id`, else the fullUrl, else `entry[n]`. */
  label: string;
}

export interface BundleIndex {
  entries: readonly IndexedEntry[];
  /** Bundle-level problems found while indexing (duplicate fullUrls, empty entries). */
  issues: readonly ProfileIssue[];
  /** The resource a literal reference in `from` points at, if it is inside the bundle. */
  resolve(reference: string, from: IndexedEntry): Resource | undefined;
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Resolution is looser than FHIR's rule (a relative reference resolves against the base of the
 * referring entry's fullUrl): `Type/id` also finds an entry whose fullUrl is a urn:uuid, because
 * systems that build bundles routinely mix the two styles and the target is still unambiguous.
 */
export function indexBundle(bundle: Bundle): BundleIndex {
  const entries: IndexedEntry[] = [];
  const issues: ProfileIssue[] = [];
  const byFullUrl = new Map<string, Resource>();
  const byTypeId = new Map<string, Resource>();
  const bundleIssue = (resource: string, path: string, message: string) =>
    issues.push({ severity: 'error', profile: 'Bundle', resource, path, rule: 'bundle', message });

  (bundle.entry ?? []).forEach((entry, index) => {
    const { resource, fullUrl } = entry;
    if (!resource) {
      bundleIssue(`entry[${index}]`, `Bundle.entry[${index}].resource`, 'entry has no resource');
      return;
    }
    const label = resource.id ? `${resource.resourceType}/${resource.id}` : (fullUrl ?? `entry[${index}]`);
    entries.push({ index, resource, label, ...(fullUrl ? { fullUrl } : {}) });
    if (fullUrl) {
      if (byFullUrl.has(fullUrl)) {
        bundleIssue(
          label,
          `Bundle.entry[${index}].fullUrl`,
          `fullUrl ${fullUrl} is used by more than one entry`,
        );
      }
      byFullUrl.set(fullUrl, resource);
    }
    if (resource.id) {
      const key = `${resource.resourceType}/${resource.id}`;
      if (byTypeId.has(key)) {
        bundleIssue(label, `Bundle.entry[${index}].resource.id`, `${key} appears in more than one entry`);
      }
      byTypeId.set(key, resource);
    }
  });

  return {
    entries,
    issues,
    resolve(reference, from) {
      if (reference.startsWith('#')) {
        if (reference === '#') return from.resource;
        const contained = 'contained' in from.resource ? from.resource.contained : undefined;
        return contained?.find((c) => c.id === reference.slice(1));
      }
      const unversioned = reference.replace(/\/_history\/[^/]+$/, '');
      const exact = byFullUrl.get(unversioned);
      if (exact) return exact;
      const relative = RELATIVE.exec(unversioned);
      return relative ? byTypeId.get(`${relative[1]}/${relative[2]}`) : undefined;
    },
  };
}
