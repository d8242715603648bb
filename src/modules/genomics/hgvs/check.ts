import type { HgvsVariant } from './ast.ts';
import { hgvsVariant, typedChange } from './description.ts';
import { formatVariant } from './format.ts';
import { HgvsSyntaxError, Scanner, type Span, type Warning } from './scanner.ts';
import { semanticProblems } from './semantics.ts';

export type HgvsCheck =
  | {
      valid: true;
      variant: HgvsVariant;
      /** The description in its recommended form, e.g. `p.V600E` → `p.Val600Glu`. */
      normalised: string;
      /** Accepted but discouraged forms, each prefixed with its position. */
      warnings: string[];
    }
  | {
      valid: false;
      reason: string;
      /** 1-based character position in the text where the problem starts. */
      position: number;
    };

export interface HgvsCheckOptions {
  /**
   * Whether a description must name its reference sequence. Off for SnpEff's ANN fields, which
   * carry `c.1799T>A` and give the transcript in another field.
   */
  requireReference?: boolean;
}

export type HgvsParse =
  | { ok: true; variant: HgvsVariant; spans: WeakMap<object, Span>; warnings: readonly Warning[] }
  | { ok: false; error: HgvsSyntaxError };

/** Syntax only: the AST, or the furthest point the text could be read to and what was expected there. */
export function parseHgvs(text: string): HgvsParse {
  const s = new Scanner(text);
  try {
    const variant: HgvsVariant = /^[gomcnrp]\./.test(text)
      ? { reference: null, ...typedChange(s) }
      : hgvsVariant(s);
    if (!s.atEnd()) s.fail('the end of the description');
    return { ok: true, variant, spans: s.spans, warnings: s.collectedWarnings() };
  } catch (error) {
    if (!(error instanceof HgvsSyntaxError)) throw error;
    return { ok: false, error: s.furthestFailure() };
  }
}

/** Parses and checks an HGVS description, e.g. `checkHgvs('NM_004333.6:c.1799T>A')`. */
export function checkHgvs(text: string, options: HgvsCheckOptions = {}): HgvsCheck {
  const parse = parseHgvs(text);
  if (!parse.ok) return { valid: false, reason: parse.error.message, position: parse.error.index + 1 };
  const { variant, spans, warnings } = parse;
  if (!variant.reference && (options.requireReference ?? true)) {
    return {
      valid: false,
      reason: `position 1: a description starts with its reference sequence and ':', e.g. 'NM_004333.6:${text}'`,
      position: 1,
    };
  }
  const [problem] = semanticProblems(variant, spans);
  if (problem) {
    return {
      valid: false,
      reason: `position ${problem.index + 1}: ${problem.message}`,
      position: problem.index + 1,
    };
  }
  return {
    valid: true,
    variant,
    normalised: formatVariant(variant),
    warnings: warnings.map((warning) => `position ${warning.index + 1}: ${warning.message}`),
  };
}
