import type { Quantity } from '@medplum/fhirtypes';
import { SYSTEM } from './rules.ts';

/**
 * Invariants of CGInvariants.fsh, evaluated by hand rather than by a FHIRPath engine. The
 * expression is kept as written in the FSH so that the drift check can compare it; `check`
 * returns the clauses that fail, so a message can say which part was broken.
 */
export interface QuantityInvariant {
  id: string;
  description: string;
  expression: string;
  check(quantity: Quantity): InvariantFailure[];
}

export interface InvariantFailure {
  clause: string;
  /**
   * `warning` where the IG's own text for the element relaxes the clause (see cnt-3 below);
   * otherwise the invariant's FSH severity, #error.
   */
  severity: 'error' | 'warning';
}

const cnt3: QuantityInvariant = {
  id: 'cnt-3',
  description:
    "There SHALL be a code with a value of '1' if there is a value. If system is present, it SHALL be UCUM. " +
    'If present, the value SHALL be a whole number.',
  expression:
    "(code.exists() or value.empty()) and (system.empty() or system = %ucum) and (code.empty() or code = '1') " +
    "and (value.empty() or value.hasValue().not() or value.toString().contains('.').not())",
  check(quantity) {
    const failures: InvariantFailure[] = [];
    const { code, system, value } = quantity;
    if (code === undefined && value !== undefined) {
      failures.push({ clause: "a value needs the code '1'", severity: 'error' });
    }
    if (system !== undefined && system !== SYSTEM.UCUM) {
      failures.push({ clause: `system must be UCUM (${SYSTEM.UCUM})`, severity: 'error' });
    }
    if (code !== undefined && code !== '1') {
      failures.push({ clause: `code must be '1', not '${code}'`, severity: 'error' });
    }
    // The copy-number slice's comment allows a decimal where the assay cannot give a whole number,
    // and its requirements quote only the first two sentences of cnt-3, so a fraction is a
    // warning. JSON.parse reads 2.0 as 2, which therefore passes although FHIRPath would see '2.0'.
    if (value !== undefined && !Number.isInteger(value)) {
      failures.push({ clause: `value ${value} is not a whole number`, severity: 'warning' });
    }
    return failures;
  },
};

export const QUANTITY_INVARIANTS: Readonly<Record<string, QuantityInvariant>> = { 'cnt-3': cnt3 };
