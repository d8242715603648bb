import { describe, expect, it } from 'vitest';
import { ByteArena } from './byteArena.ts';

describe('byte strings kept in an arena', () => {
  it('are copies that stay as they were while the source is reused and new chunks begin', () => {
    const arena = new ByteArena();
    const source = Buffer.alloc(700_000);
    const kept: [Uint8Array, number][] = [];
    for (let i = 0; i < 6; i++) {
      source.fill(i + 1);
      // 300, 700,000, … bytes: several values share a chunk, a large one starts a new chunk.
      const length = i % 2 === 0 ? 300 : 700_000;
      kept.push([arena.copy(source, 0, length), i + 1]);
    }
    source.fill(0);
    for (const [copy, byte] of kept) expect(copy.every((b) => b === byte)).toBe(true);
    expect(kept.map(([copy]) => copy.length)).toEqual([300, 700_000, 300, 700_000, 300, 700_000]);
    // Chunks are not shared with the source and differ once the first is full.
    expect(new Set(kept.map(([copy]) => copy.buffer)).size).toBeGreaterThan(1);
  });

  it('takes a string longer than a chunk, and an empty one', () => {
    const arena = new ByteArena();
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    const copy = arena.copy(big, 1, big.length - 1);
    expect(copy.length).toBe(big.length - 2);
    expect(copy.every((b) => b === 7)).toBe(true);
    expect(arena.copy(big, 5, 5).length).toBe(0);
    const small = arena.copy(Buffer.from('[["VEP"]]'), 0, 9);
    expect(Buffer.from(small).toString()).toBe('[["VEP"]]');
  });
});
