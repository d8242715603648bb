import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { type IndexedEntry, indexBundle } from './bundleIndex.ts';

const bundle: Bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'urn:uuid:0c3a1f0e-1111-4c3e-9a8d-000000000001',
      resource: { resourceType: 'Patient', id: 'p1' },
    },
    { fullUrl: 'https://fhir.example.no/Specimen/s1', resource: { resourceType: 'Specimen', id: 's1' } },
    {
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        contained: [{ resourceType: 'Specimen', id: 'inner' }],
      },
    },
  ],
};

describe('indexBundle', () => {
  const index = indexBundle(bundle);
  const [patient, specimen, observation] = index.entries as [IndexedEntry, IndexedEntry, IndexedEntry];

  it('labels entries by Type/id, else fullUrl, else position', () => {
    expect(index.entries.map((e) => e.label)).toEqual(['Patient/p1', 'Specimen/s1', 'entry[2]']);
  });

  it('resolves by fullUrl and by Type/id whatever the fullUrl style', () => {
    expect(index.resolve('urn:uuid:0c3a1f0e-1111-4c3e-9a8d-000000000001', observation)).toBe(
      patient.resource,
    );
    expect(index.resolve('Patient/p1', observation)).toBe(patient.resource);
    expect(index.resolve('https://fhir.example.no/Specimen/s1', observation)).toBe(specimen.resource);
    expect(index.resolve('Specimen/s1/_history/3', observation)).toBe(specimen.resource);
  });

  it('does not take an absolute URL on another server for a local Type/id', () => {
    expect(index.resolve('https://other.example.no/Patient/p1', observation)).toBeUndefined();
  });

  it('resolves #id among the referring resource’s contained resources only', () => {
    expect(index.resolve('#inner', observation)).toMatchObject({ id: 'inner' });
    expect(index.resolve('#inner', patient)).toBeUndefined();
    expect(index.resolve('#', observation)).toBe(observation.resource);
  });

  it('reports entries without a resource', () => {
    const empty = indexBundle({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ fullUrl: 'urn:uuid:x' }],
    });
    expect(empty.issues).toMatchObject([{ resource: 'entry[0]', rule: 'bundle' }]);
  });
});
