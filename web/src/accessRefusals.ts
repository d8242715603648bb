/**
 * Why the access rules refused a request (HTTP 403), in the reader's language: the problem's
 * reason code picks a template, its params fill it in, each worded (a role, a purpose, a verb, a
 * kind of record). Null for any other problem, or a code this build does not know: the page then
 * shows the server's English sentence.
 */
import { type Problem, reasonWords, termOf } from './api.ts';

export type AccessRefusalDictionary = {
  accessRefused: string;
  accessRefusals: Record<string, string>;
  accessActions: Record<string, string>;
  accessResources: Record<string, string>;
  roles: Record<string, string>;
  purposes: Record<string, string>;
};

export function accessRefusalText(
  problem: Problem,
  t: AccessRefusalDictionary,
  format: (text: string, values: Record<string, string | number>) => string,
): string | null {
  if (problem.status !== 403) return null;
  const purpose = (value: string | number) => String(termOf(t.purposes, value)).toLocaleLowerCase();
  const word = (name: string, value: string | number): string | number => {
    if (name === 'role') return termOf(t.roles, value);
    if (name === 'action') return termOf(t.accessActions, value);
    if (name === 'resource') return termOf(t.accessResources, value);
    if (name === 'purpose') return purpose(value);
    if (name === 'permitted') return String(value).split(', ').map(purpose).join(', ');
    return value;
  };
  const reason = reasonWords(problem.reason ?? null, t.accessRefusals, format, word);
  return reason === null ? null : format(t.accessRefused, { reason });
}
