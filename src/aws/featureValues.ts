// Pure checks of feature values against a group's FeatureDefinitions, before a PutRecord is sent.
// No SDK import here, so the inspector webview can bundle it too.
import type { FeatureDefinition, FeatureGroupDetail } from './model';
import { validateRecordId } from './validation';

export type FeatureInput = string | string[];
export interface FeatureProblem {
  feature: string;
  message: string;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const INTEGRAL = /^-?\d+$/;
const FRACTIONAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

/** '' and [] mean "no value": such features are not sent. */
export function hasValue(value: FeatureInput | undefined): value is FeatureInput {
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
}

function checkIntegral(v: string): string | undefined {
  if (!INTEGRAL.test(v)) return `"${v}" is not a whole number (digits with an optional leading minus).`;
  const n = BigInt(v);
  if (n < INT64_MIN || n > INT64_MAX) return `"${v}" is outside the signed 64-bit range (${INT64_MIN} to ${INT64_MAX}).`;
  return undefined;
}

function checkFractional(v: string): string | undefined {
  if (!FRACTIONAL.test(v)) return `"${v}" is not a decimal number.`;
  if (!Number.isFinite(Number(v))) return `"${v}" is too large to be a finite number.`;
  return undefined;
}

function checkScalar(type: FeatureDefinition['type'], v: string): string | undefined {
  switch (type) {
    case 'Integral':
      return checkIntegral(v);
    case 'Fractional':
      return checkFractional(v);
    case 'String':
      return undefined;
  }
}

/** Set members compare by value, so "1.0" and "1" collide in a Fractional Set. */
function canonical(type: FeatureDefinition['type'], v: string): string {
  if (type === 'Integral') return BigInt(v).toString();
  if (type === 'Fractional') return String(Number(v));
  return v;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Fractional: Unix seconds. String: `yyyy-MM-ddTHH:mm:ssZ`, optionally with 1 to 9 fraction digits. */
export function validateEventTime(def: FeatureDefinition, value: FeatureInput): string | undefined {
  if (Array.isArray(value)) return 'The event time is a single value, not a list.';
  if (def.type === 'Fractional') {
    const problem = checkFractional(value);
    return problem ? `${problem} The event time must be Unix epoch seconds, e.g. 1735732800.5.` : undefined;
  }
  const m = ISO_EVENT_TIME.exec(value);
  if (!m) return `"${value}" is not an event time: use yyyy-MM-ddTHH:mm:ssZ, e.g. 2025-01-15T12:00:00Z (fractional seconds allowed).`;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return `"${value}" is not a real date and time.`;
  }
  return undefined;
}

export function validateFeatureValue(def: FeatureDefinition, value: FeatureInput, role?: 'recordIdentifier' | 'eventTime'): string | undefined {
  if (role === 'eventTime') return validateEventTime(def, value);
  if (role === 'recordIdentifier') {
    if (Array.isArray(value)) return 'The record identifier is a single value, not a list.';
    return validateRecordId(value) ?? checkScalar(def.type, value);
  }
  if (!def.collection) {
    if (Array.isArray(value)) return `${def.name} holds a single ${def.type} value, not a list.`;
    return checkScalar(def.type, value);
  }
  if (!Array.isArray(value)) return `${def.name} is a ${def.collection} of ${def.type}: give a list of values.`;
  // Vectors are Fractional by definition, whatever the definition says.
  const elementType = def.collection === 'Vector' ? 'Fractional' : def.type;
  for (const [i, element] of value.entries()) {
    const problem = checkScalar(elementType, element);
    if (problem) return `Element ${i + 1}: ${problem}`;
  }
  if (def.collection === 'Set') {
    const seen = new Set<string>();
    for (const element of value) {
      const key = canonical(def.type, element);
      if (seen.has(key)) return `"${element}" appears more than once; a Set holds unique values.`;
      seen.add(key);
    }
  }
  if (def.collection === 'Vector' && def.vectorDimension !== undefined && value.length !== def.vectorDimension) {
    return `The vector needs exactly ${def.vectorDimension} numbers; got ${value.length}.`;
  }
  return undefined;
}

/** Every problem of a whole record; an empty list means it can be sent. */
export function validateRecord(group: FeatureGroupDetail, values: Record<string, FeatureInput>): FeatureProblem[] {
  const problems: FeatureProblem[] = [];
  const known = new Map(group.features.map((f) => [f.name, f]));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) problems.push({ feature: name, message: `The group ${group.name} has no feature "${name}".` });
  }
  for (const def of group.features) {
    const value = values[def.name];
    const role = def.name === group.recordIdentifierFeatureName ? 'recordIdentifier' : def.name === group.eventTimeFeatureName ? 'eventTime' : undefined;
    if (!hasValue(value)) {
      if (role === 'recordIdentifier') problems.push({ feature: def.name, message: 'The record identifier is required.' });
      if (role === 'eventTime') problems.push({ feature: def.name, message: 'The event time is required.' });
      continue;
    }
    const message = validateFeatureValue(def, value, role);
    if (message) problems.push({ feature: def.name, message });
  }
  return problems;
}

/** The current time in the event-time feature's format. */
export function nowEventTime(def: FeatureDefinition, now: Date = new Date()): string {
  if (def.type === 'Fractional') return (now.getTime() / 1000).toFixed(3);
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
