import type { Coding } from '@medplum/fhirtypes';
import type { FixedCoding } from './rules.ts';

/*
 * Reading FHIR JSON by element name. The rules name elements as strings, so the checker walks
 * resources as plain JSON rather than through the typed union of every resource.
 */

export type Json = Readonly<Record<string, unknown>>;

export const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asJson = (value: object): Json => value as Json;

export const asArray = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const capitalise = (type: string) => type.charAt(0).toUpperCase() + type.slice(1);

/** The JSON keys holding a choice element (`value[x]` → valueQuantity, valueString…). */
export function choiceKeys(json: Json, element: string): string[] {
  const stem = element.replace(/\[x\]$/, '');
  const isChoice = (key: string) => key.length > stem.length && /[A-Z]/.test(key.charAt(stem.length));
  return Object.keys(json).filter((key) => key.startsWith(stem) && isChoice(key));
}

/** The FHIR type a choice key carries: valueCodeableConcept → CodeableConcept. */
export const choiceType = (key: string, element: string) => key.slice(element.replace(/\[x\]$/, '').length);

export const choiceKeyFor = (element: string, type: string) =>
  `${element.replace(/\[x\]$/, '')}${capitalise(type)}`;

/**
 * How many times an element occurs. A primitive given only by its extension (`_status`) counts,
 * as it does for FHIR cardinality.
 */
export function countElement(json: Json, element: string): number {
  if (element.endsWith('[x]')) return choiceKeys(json, element).length;
  const value = json[element] ?? json[`_${element}`];
  return asArray(value).length;
}

export function codings(codeableConcept: unknown): Coding[] {
  if (!isJson(codeableConcept)) return [];
  return asArray(codeableConcept.coding).filter(isJson) as Coding[];
}

export const hasCoding = (codeableConcept: unknown, fixed: FixedCoding): boolean =>
  codings(codeableConcept).some((c) => c.system === fixed.system && c.code === fixed.code);

export const showCoding = (fixed: FixedCoding) => `${fixed.system}#${fixed.code}`;
