import { describe, expect, it } from 'vitest';
import { drsName, drsObject } from './drs.ts';

const source = {
  id: '7d1c3a52-9f4e-4f7e-9a39-2f0a9e1d6c11',
  name: 'tumour.cram',
  uri: 's3://fjordvik-sekvensering/run-41/tumour.cram',
  sizeBytes: 1234,
  sha256: 'a'.repeat(64),
  createdAt: new Date('2026-11-22T10:00:00Z'),
  accessZone: null,
  format: 'cram',
};

describe('a DRS object’s name', () => {
  it('keeps a portable file name as it is, with no alias', () => {
    const object = drsObject(source, 'https://genvei.example');
    expect(object.name).toBe('tumour.cram');
    expect(object).not.toHaveProperty('aliases');
  });

  it('writes other characters as _ and keeps the file’s own name as an alias', () => {
    const object = drsObject({ ...source, name: 'prøve 1 (Ålesund).vcf.gz' }, 'https://genvei.example');
    expect(object.name).toBe('pr_ve_1___lesund_.vcf.gz');
    expect(object.name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(object).toMatchObject({ aliases: ['prøve 1 (Ålesund).vcf.gz'] });
  });

  it('never gives an empty name', () => {
    expect(drsName('')).toBe('object');
    expect(drsName('svulst-1_A.bam')).toBe('svulst-1_A.bam');
  });
});
