import { ApiError, type Problem } from './api.ts';

/** A problem in the reader's language, or null to show the server's English detail. */
type ProblemWording = (problem: Problem) => string | null;
let wording: ProblemWording = () => null;

/** Set by the language provider on each render (see i18n.tsx). */
export function setProblemWording(next: ProblemWording): void {
  wording = next;
}

/** A failed request's problem in words, in the language of the current render. */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return wording(error.problem) ?? error.problem.detail ?? error.problem.title;
}
