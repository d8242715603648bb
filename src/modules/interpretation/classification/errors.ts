export type CriterionProblem =
  | 'unknown-criterion'
  | 'impossible-strength'
  | 'duplicate-criterion'
  | 'excluded-combination';

/**
 * A criterion the engines refuse: an unknown code, a strength the standard does not allow for it,
 * the same criterion twice, or a pair the standard says must not be counted together. Refusing
 * beats guessing: a silently dropped criterion would change a clinical class.
 */
export class CriterionError extends Error {
  constructor(
    readonly criterion: string,
    readonly problem: CriterionProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CriterionError';
  }
}
