/**
 * Why something was refused, as data: a code and the values its sentence is made of (see
 * Problem.reason). Each module lists its codes with their param names, `{ 'code': ['param', …] }`;
 * these types and the maker turn such a list into checked reasons. Pure: the web app imports the
 * lists through the modules' refusals.ts.
 */
export type ReasonCodes = Record<string, readonly string[]>;

/**
 * A reason as it travels: the problem's `reason` member next to the English `detail`, which a
 * client (the web app imports this type) words in its reader's language.
 */
export type ProblemReason = { code: string; params: Record<string, string | number> };

/** One reason of a list; `params` holds exactly the code's param names. */
export type ReasonOf<T extends ReasonCodes> = {
  [C in keyof T & string]: { code: C; params: { [P in T[C][number]]: string | number } };
}[keyof T & string];

/** A function that makes a list's reasons, each checked against its code's params. */
export function reasonMaker<T extends ReasonCodes>(_codes: T) {
  return <C extends keyof T & string>(code: C, params: Extract<ReasonOf<T>, { code: C }>['params']) =>
    ({ code, params }) as Extract<ReasonOf<T>, { code: C }>;
}
