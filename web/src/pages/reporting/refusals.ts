/**
 * Why the server refused a step on a report, in the reader's language: the problem's reason code
 * picks a template (`refusals`), its params fill it in, a role in words. Null without a code this
 * build knows; the page then shows the server's English sentence.
 */
import { type Problem, reasonWords, termOf } from '../../api.ts';

export function reportRefusalText(
  problem: Problem,
  refusals: Record<string, string>,
  roles: Record<string, string>,
  format: (text: string, values: Record<string, string | number>) => string,
): string | null {
  return reasonWords(problem.reason, refusals, format, (name, value) =>
    name === 'role' ? termOf(roles, value) : value,
  );
}

/** The report a case has already, when the server refused drafting a second one. */
export const existingReportId = (problem: Problem): string | null => {
  const id = problem.reason?.code === 'report-exists' ? problem.reason.params.reportId : undefined;
  return typeof id === 'string' ? id : null;
};
