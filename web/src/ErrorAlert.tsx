import { ApiError } from './api.ts';

/** How any page shows a failed request: the server's problem detail, announced to screen readers. */
export function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

export function problemText(error: unknown): string {
  return error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error);
}
