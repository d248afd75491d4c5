// A whole record as JSON text, for the inspector's JSON editor and "Copy as JSON". Numbers are
// written and read as their exact digits (lossless-json), so an Integral above 2^53 survives the
// round trip that JSON.parse would silently round.
import { isLosslessNumber, LosslessNumber, parse, stringify } from 'lossless-json';
import type { FeatureDefinition } from './model';
import type { FeatureInput, FeatureProblem } from './featureValues';

export type RecordValues = Record<string, FeatureInput>;

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function jsonScalar(type: FeatureDefinition['type'], value: string): string | LosslessNumber {
  // Numbers stay numbers in the JSON when their text is a JSON number; anything else stays a string.
  return type !== 'String' && JSON_NUMBER.test(value) ? new LosslessNumber(value) : value;
}

/** Pretty JSON of a record: features in definition order, numeric features as bare numbers. */
export function recordToJson(features: FeatureDefinition[], values: RecordValues): string {
  const out: Record<string, unknown> = {};
  const byName = new Map(features.map((f) => [f.name, f]));
  const names = [...features.map((f) => f.name).filter((n) => n in values), ...Object.keys(values).filter((n) => !byName.has(n))];
  for (const name of names) {
    const value = values[name];
    const def = byName.get(name);
    const type = def?.collection === 'Vector' ? 'Fractional' : (def?.type ?? 'String');
    out[name] = Array.isArray(value) ? value.map((v) => jsonScalar(type, v)) : jsonScalar(type, value);
  }
  return stringify(out, undefined, 2) ?? '{}';
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isLosslessNumber(v)) return v.value;
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/**
 * Reads a record back from JSON. Only the shape is checked here (an object of strings, numbers or
 * lists of them; `null` means "not set"); whether the values fit the definitions is
 * validateRecord's job, the same check PutRecord goes through.
 */
export function recordFromJson(text: string): { values: RecordValues; problems: FeatureProblem[] } {
  let parsed: unknown;
  const duplicates: string[] = [];
  try {
    parsed = parse(text, null, {
      parseNumber: (digits: string) => new LosslessNumber(digits),
      onDuplicateKey: ({ key, newValue }) => {
        duplicates.push(key);
        return newValue;
      },
    });
  } catch (err) {
    return { values: {}, problems: [{ feature: '(JSON)', message: `The record is not valid JSON: ${(err as Error).message}` }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { values: {}, problems: [{ feature: '(JSON)', message: 'The record must be a JSON object of feature names to values, e.g. {"customer_id": "c-1", "age": 42}.' }] };
  }
  const values: RecordValues = {};
  const problems: FeatureProblem[] = duplicates.map((d) => ({ feature: d, message: `"${d}" appears more than once in the JSON.` }));
  for (const [name, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (v === null) continue;
    const scalar = scalarText(v);
    if (scalar !== undefined) {
      values[name] = scalar;
      continue;
    }
    if (Array.isArray(v)) {
      const items = v.map(scalarText);
      const bad = v.find((_, i) => items[i] === undefined);
      if (bad === undefined) values[name] = items as string[];
      else problems.push({ feature: name, message: `List elements must be strings or numbers; found ${describe(bad)}.` });
      continue;
    }
    problems.push({ feature: name, message: `A value must be a string, a number or a list; found ${describe(v)}.` });
  }
  return { values, problems };
}
