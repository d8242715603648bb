import type { BundleIndex, IndexedEntry } from './bundleIndex.ts';
import {
  asArray,
  asJson,
  choiceKeyFor,
  choiceKeys,
  choiceType,
  codings,
  countElement,
  hasCoding,
  isJson,
  type Json,
  showCoding,
} from './elements.ts';
import { QUANTITY_INVARIANTS } from './invariants.ts';
import type { ProfileIssue } from './issue.ts';
import { carriesProfileCode, claimedIgProfiles } from './profiles.ts';
import type {
  CodingSlice,
  ComponentPatterns,
  ComponentSlice,
  ElementRule,
  ExtensionRule,
  FixedCoding,
  Max,
  ProfileRules,
  ReferenceRule,
  ReferenceTarget,
  RequiredBinding,
} from './rules.ts';

/** The resource under check and where its issues go, for one profile (or the R4 base rules). */
export interface Scope {
  entry: IndexedEntry;
  index: BundleIndex;
  report(severity: ProfileIssue['severity'], path: string, rule: string, message: string): void;
}

export function scopeFor(
  entry: IndexedEntry,
  index: BundleIndex,
  profile: string,
  issues: ProfileIssue[],
): Scope {
  return {
    entry,
    index,
    report: (severity, path, rule, message) =>
      issues.push({ severity, profile, resource: entry.label, path, rule, message }),
  };
}

const json = (scope: Scope): Json => asJson(scope.entry.resource);
const type = (scope: Scope): string => scope.entry.resource.resourceType;
const outside = (count: number, min: number, max: Max) => count < min || (max !== '*' && count > max);
const times = (count: number) => (count === 1 ? '1 time' : `${count} times`);

export function checkElements(scope: Scope, rules: readonly ElementRule[]): void {
  const resource = json(scope);
  for (const rule of rules) {
    const path = `${type(scope)}.${rule.element}`;
    const count = countElement(resource, rule.element);
    if (outside(count, rule.min, rule.max)) {
      const by = { ig: 'the profile allows', 'r4-core': 'FHIR R4 allows', 'ig-narrative': 'the IG expects' }[
        rule.source
      ];
      const severity = rule.source === 'ig-narrative' ? 'warning' : 'error';
      scope.report(
        severity,
        path,
        'cardinality',
        `${rule.element} occurs ${times(count)}; ${by} ${rule.min}..${rule.max}`,
      );
    }
    const allowed = rule.types;
    if (!allowed) continue;
    for (const key of choiceKeys(resource, rule.element)) {
      if (!allowed.some((t) => choiceKeyFor(rule.element, t) === key)) {
        scope.report(
          'error',
          `${type(scope)}.${key}`,
          'type',
          `${rule.element} must be ${allowed.join(' or ')}`,
        );
      }
    }
  }
}

function describeCodings(codeableConcept: unknown): string {
  const found = codings(codeableConcept).map((c) => `${c.system ?? '(no system)'}#${c.code ?? '(no code)'}`);
  return found.length > 0 ? found.join(', ') : 'no coding';
}

function checkCode(scope: Scope, fixed: FixedCoding): void {
  const code = json(scope).code;
  if (code !== undefined && !hasCoding(code, fixed)) {
    scope.report(
      'error',
      `${type(scope)}.code`,
      'fixed-code',
      `code must include ${showCoding(fixed)}; found ${describeCodings(code)}`,
    );
  }
}

function checkCategorySlices(scope: Scope, slices: readonly CodingSlice[]): void {
  const categories = asArray(json(scope).category);
  for (const slice of slices) {
    const hits = categories.flatMap((category, i) => (hasCoding(category, slice.coding) ? [i] : []));
    if (outside(hits.length, slice.min, slice.max)) {
      scope.report(
        'error',
        `${type(scope)}.category[${slice.name}]`,
        'cardinality',
        `needs ${slice.min}..${slice.max} category with ${showCoding(slice.coding)}; found ${hits.length}`,
      );
    }
    for (const i of slice.singleCoding ? hits : []) {
      if (codings(categories[i]).length > 1) {
        scope.report(
          'error',
          `${type(scope)}.category[${i}].coding`,
          'cardinality',
          `the ${slice.name} category may hold only the coding ${showCoding(slice.coding)}`,
        );
      }
    }
  }
}

function checkSingleCategory(scope: Scope, fixed: FixedCoding): void {
  const category = json(scope).category;
  if (category === undefined) return; // the element rule reports it missing
  const path = `${type(scope)}.category`;
  if (codings(category).length !== 1) {
    scope.report(
      'error',
      `${path}.coding`,
      'cardinality',
      `category needs exactly one coding, ${showCoding(fixed)}`,
    );
  }
  if (!hasCoding(category, fixed)) {
    scope.report(
      'error',
      path,
      'fixed-code',
      `category must be ${showCoding(fixed)}; found ${describeCodings(category)}`,
    );
  }
}

function checkBinding(scope: Scope, codeableConcept: unknown, binding: RequiredBinding, path: string): void {
  const inSet = codings(codeableConcept).some(
    (c) => c.system === binding.system && (!binding.codes || binding.codes.includes(c.code ?? '')),
  );
  if (!inSet) {
    const expected = binding.codes ? `${binding.system} (${binding.codes.join(', ')})` : binding.system;
    scope.report(
      'error',
      path,
      'binding',
      `needs a coding from ${binding.valueSet} (required binding): ${expected}; found ${describeCodings(codeableConcept)}`,
    );
  }
}

function checkInvariants(scope: Scope, ids: readonly string[], component: Json, path: string): void {
  const range = isJson(component.valueRange) ? component.valueRange : {};
  const quantities: [unknown, string][] = [
    [component.valueQuantity, `${path}.valueQuantity`],
    [range.low, `${path}.valueRange.low`],
    [range.high, `${path}.valueRange.high`],
  ];
  for (const id of ids) {
    const invariant = QUANTITY_INVARIANTS[id];
    if (!invariant) throw new Error(`rule data names unknown invariant ${id}`);
    for (const [quantity, at] of quantities) {
      if (!isJson(quantity)) continue;
      for (const failure of invariant.check(quantity)) {
        scope.report(
          failure.severity,
          at,
          `invariant:${id}`,
          `${id}: ${failure.clause} (${invariant.description})`,
        );
      }
    }
  }
}

function checkComponentValue(scope: Scope, slice: ComponentSlice, component: Json, path: string): void {
  const keys = choiceKeys(component, 'value[x]');
  if (keys.length === 0 && slice.valueRequired) {
    scope.report(
      'error',
      `${path}.value[x]`,
      'cardinality',
      `the ${slice.name} component needs a value (1..1)`,
    );
  }
  for (const key of keys) {
    if (!slice.valueTypes.some((t) => choiceKeyFor('value[x]', t) === key)) {
      scope.report(
        'error',
        `${path}.${key}`,
        'type',
        `the ${slice.name} component's value must be ${slice.valueTypes.join(' or ')}, not ${choiceType(key, 'value')}`,
      );
    }
  }
  if (slice.binding && component.valueCodeableConcept !== undefined) {
    checkBinding(scope, component.valueCodeableConcept, slice.binding, `${path}.valueCodeableConcept`);
  }
  const quantity = component.valueQuantity;
  if (slice.quantitySystem && isJson(quantity) && quantity.system !== slice.quantitySystem) {
    scope.report(
      'error',
      `${path}.valueQuantity.system`,
      'fixed-value',
      `the ${slice.name} quantity's system must be ${slice.quantitySystem}`,
    );
  }
  if (slice.invariants) checkInvariants(scope, slice.invariants, component, path);
}

/** Component slices are matched on their code; returns the names of the slices present. */
function checkComponents(scope: Scope, slices: readonly ComponentSlice[]): Set<string> {
  const components = asArray(json(scope).component);
  const present = new Set<string>();
  for (const slice of slices) {
    const hits = components.flatMap((c, i) => (isJson(c) && hasCoding(c.code, slice.code) ? [i] : []));
    if (hits.length > 0) present.add(slice.name);
    if (outside(hits.length, slice.min, slice.max)) {
      scope.report(
        'error',
        `${type(scope)}.component[${slice.name}]`,
        'cardinality',
        `${slice.name} (${showCoding(slice.code)}) occurs ${times(hits.length)}; the profile allows ${slice.min}..${slice.max}`,
      );
    }
    for (const i of hits) {
      checkComponentValue(scope, slice, components[i] as Json, `${type(scope)}.component[${i}]`);
    }
  }
  return present;
}

function checkComponentPatterns(scope: Scope, patterns: ComponentPatterns, present: Set<string>): void {
  if (!patterns.alternatives.some((names) => names.every((name) => present.has(name)))) {
    scope.report('warning', `${type(scope)}.component`, patterns.rule, patterns.message);
  }
}

/** A Reference must resolve inside the bundle to a resource of an allowed type and profile. */
function checkTarget(scope: Scope, value: unknown, path: string, target: ReferenceTarget): void {
  const literal = isJson(value) && typeof value.reference === 'string' ? value.reference : undefined;
  if (literal === undefined) {
    scope.report(
      'error',
      path,
      'reference',
      'has no literal reference, so it cannot be resolved inside the bundle',
    );
    return;
  }
  const resolved = scope.index.resolve(literal, scope.entry);
  if (!resolved) {
    scope.report('error', path, 'reference', `${literal} is not in the bundle`);
    return;
  }
  if (!target.types.includes(resolved.resourceType)) {
    scope.report(
      'error',
      path,
      'reference',
      `${literal} is a ${resolved.resourceType}; expected ${target.types.join(' or ')}`,
    );
    return;
  }
  const profiles = target.profiles;
  if (!profiles) return;
  const claimed = claimedIgProfiles(resolved);
  const matches =
    claimed.some((id) => profiles.includes(id)) ||
    (claimed.length === 0 && profiles.some((id) => carriesProfileCode(resolved, id)));
  if (matches) return;
  const expected = profiles.join(' or ');
  scope.report(
    target.open || claimed.length === 0 ? 'warning' : 'error',
    path,
    'reference',
    claimed.length > 0
      ? `${literal} claims ${claimed.join(', ')}, not ${expected}`
      : `${literal} claims no IG profile and does not carry the code of ${expected}`,
  );
}

export function checkReferences(scope: Scope, rules: readonly ReferenceRule[]): void {
  const resource = json(scope);
  for (const rule of rules) {
    const value = resource[rule.element];
    const path = `${type(scope)}.${rule.element}`;
    asArray(value).forEach((reference, i) => {
      checkTarget(scope, reference, Array.isArray(value) ? `${path}[${i}]` : path, rule.target);
    });
  }
}

function checkExtensions(scope: Scope, rules: readonly ExtensionRule[]): void {
  const extensions = asArray(json(scope).extension);
  for (const rule of rules) {
    const hits = extensions.flatMap((e, i) => (isJson(e) && e.url === rule.url ? [i] : []));
    if (outside(hits.length, rule.min, rule.max)) {
      scope.report(
        'error',
        `${type(scope)}.extension[${rule.name}]`,
        'cardinality',
        `extension ${rule.url} occurs ${times(hits.length)}; the profile allows ${rule.min}..${rule.max}`,
      );
    }
    const target = rule.target;
    if (!target) continue;
    for (const i of hits) {
      const reference = (extensions[i] as Json).valueReference;
      const path = `${type(scope)}.extension[${i}]`;
      if (reference === undefined)
        scope.report('error', `${path}.value[x]`, 'type', 'the value must be a Reference');
      else checkTarget(scope, reference, `${path}.valueReference`, target);
    }
  }
}

/** Every rule of one profile except its references, which the caller merges with R4's. */
export function checkProfile(scope: Scope, rules: ProfileRules): void {
  const resource = json(scope);
  checkElements(scope, rules.elements);
  if (rules.code) checkCode(scope, rules.code);
  if (rules.status !== undefined && resource.status !== undefined && resource.status !== rules.status) {
    scope.report('error', `${type(scope)}.status`, 'fixed-value', `status must be ${rules.status}`);
  }
  if (rules.categorySlices) checkCategorySlices(scope, rules.categorySlices);
  if (rules.singleCategory) checkSingleCategory(scope, rules.singleCategory);
  if (rules.valueBinding && resource.valueCodeableConcept !== undefined) {
    checkBinding(
      scope,
      resource.valueCodeableConcept,
      rules.valueBinding,
      `${type(scope)}.valueCodeableConcept`,
    );
  }
  const present = checkComponents(scope, rules.components ?? []);
  if (rules.componentPatterns) checkComponentPatterns(scope, rules.componentPatterns, present);
  if (rules.extensions) checkExtensions(scope, rules.extensions);
}
