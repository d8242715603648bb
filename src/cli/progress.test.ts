import { describe, expect, it } from 'vitest';
import { progressText } from './progress.ts';

describe('a line of progress', () => {
  it('is a count and the time taken when the work cannot say how far it has come', () => {
    expect(progressText('1200 records', 3400, undefined, true)).toBe('1200 records (3.4 s)');
  });

  it('has a bar on a terminal, the percentage, and the time left once the pace is known', () => {
    expect(progressText('420000 records', 12_000, 0.42, true)).toBe(
      '[##########..............]  42 % 420000 records (12.0 s, about 17 s left)',
    );
    // In a log: no bar.
    expect(progressText('420000 records', 12_000, 0.42, false)).toBe(
      ' 42 % 420000 records (12.0 s, about 17 s left)',
    );
    // Too early to tell how long is left; and nothing is left at the end.
    expect(progressText('10 records', 500, 0.01, true)).toBe(
      '[........................]   1 % 10 records (0.5 s)',
    );
    expect(progressText('1000000 records', 41_000, 1, false)).toBe('100 % 1000000 records (41.0 s)');
  });
});
