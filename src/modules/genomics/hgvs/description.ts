import type { CoordinateSystem, HgvsVariant, NucleicSystem, TypedChange } from './ast.ts';
import { nucleicChange } from './nucleic.ts';
import { proteinChange } from './protein.ts';
import { referenceSequence } from './referenceSequence.ts';
import type { Scanner } from './scanner.ts';

const coordinateSystems = 'gomcnrp';

/** `c.76A>T`, `p.(Val600Glu)`: coordinate type, '.', and the change; `allowed` restricts the type. */
export function typedChange(s: Scanner, allowed?: CoordinateSystem): TypedChange {
  const start = s.index;
  const system = s.character(
    (c) => (allowed ? c === allowed : coordinateSystems.includes(c)),
    allowed ? `'${allowed}.'` : 'a coordinate type (g., c., n., r., p., m. or o.)',
  ) as CoordinateSystem;
  s.expect('.');
  const typed: TypedChange =
    system === 'p'
      ? { coordinateSystem: 'p', change: proteinChange(s) }
      : { coordinateSystem: system as NucleicSystem, change: nucleicChange(s, system as NucleicSystem) };
  return s.mark(typed, start);
}

/** A complete description: `NM_004333.6:c.1799T>A`, `NC_000023.11(NM_004006.2):c.3G>T`, `NP_004324.2:p.Val600Glu`. */
export function hgvsVariant(s: Scanner, allowed?: CoordinateSystem): HgvsVariant {
  const start = s.index;
  const reference = referenceSequence(s);
  s.expect(':');
  return s.mark({ reference, ...typedChange(s, allowed) }, start);
}
