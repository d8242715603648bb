/**
 * Why the server refused a step on a case, in the reader's language: the problem's reason code
 * picks a template (`refusals`), its params fill it in, a status and a step in words. Without a
 * code this build knows, the server's English sentence is shown as given.
 */
import { type Problem, reasonWords, termOf } from '../../api.ts';

export type RefusalDictionary = {
  refusals: Record<string, string>;
  refusalSteps: Record<string, string>;
  status: Record<string, string>;
};

export function refusalText(
  problem: Problem,
  i: RefusalDictionary,
  format: (text: string, values: Record<string, string | number>) => string,
): string {
  const word = (name: string, value: string | number) => {
    const terms = name === 'status' ? i.status : name === 'step' ? i.refusalSteps : undefined;
    return terms ? termOf(terms, value) : value;
  };
  return reasonWords(problem.reason, i.refusals, format, word) ?? problem.detail ?? problem.title;
}
