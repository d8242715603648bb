export type * from './ast.ts';
export { checkHgvs, type HgvsCheck, type HgvsCheckOptions, type HgvsParse, parseHgvs } from './check.ts';
export { formatVariant } from './format.ts';
export { HgvsSyntaxError } from './scanner.ts';
