import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordedVariants } from './copyBatch.ts';

describe('the variants a file has recorded', () => {
  it('knows exactly the ids created and added, whatever gaps the sequence leaves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ step: fc.integer({ min: 1, max: 3 }), created: fc.boolean() }), {
          maxLength: 60,
        }),
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 10 }),
        (steps, stored) => {
          const recorded = new RecordedVariants();
          const expected = new Set<number>(stored);
          for (const id of stored) recorded.add(id);
          let id = 0;
          for (const { step, created } of steps) {
            id += step;
            // An id another session drew (created false) is a gap in this ingest's runs.
            if (created) {
              recorded.created(id);
              expected.add(id);
            }
          }
          for (let probe = 0; probe <= id + 3; probe++) expect(recorded.has(probe)).toBe(expected.has(probe));
        },
      ),
    );
  });

  it('keeps an id that does not follow the last run too', () => {
    const recorded = new RecordedVariants();
    recorded.created(10);
    recorded.created(11);
    recorded.created(5);
    expect([4, 5, 6, 9, 10, 11, 12].map((id) => recorded.has(id))).toEqual([
      false,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});
