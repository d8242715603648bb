import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

describe('dates in the web app', () => {
  it('are Norwegian time whatever the machine’s zone: 23:30 UTC on 22 November is 00:30 on the 23rd', () => {
    expect(formatDateTime('2026-11-22T23:30:00Z', 'en')).toMatch(/^23 Nov 2026, 00:30$/);
    expect(formatDateTime('2026-06-30T22:30:00Z', 'nb')).toBe('1. juli 2026, 00:30');
    expect(formatDate('2026-06-30T22:30:00Z', 'en')).toBe('1 Jul 2026');
  });

  it('show a bare date as the day it names, and nothing for none', () => {
    expect(formatDate('2026-10-01', 'en')).toBe('1 Oct 2026');
    expect(formatDate(null, 'nb')).toBe('');
    expect(formatDateTime(undefined, 'en')).toBe('');
  });
});
