import { ApiError, type Problem } from './api.ts';

/** How any page shows a failed request: the server's problem detail, announced to screen readers. */
export function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

/** A problem in the reader's language, or null to show the server's English detail. */
type ProblemWording = (problem: Problem) => string | null;
let wording: ProblemWording = () => null;

/** Set by the language provider on each render (see i18n.tsx). */
export function setProblemWording(next: ProblemWording): void {
  wording = next;
}

export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return wording(error.problem) ?? error.problem.detail ?? error.problem.title;
}
