// What a write would change: the stored record against the one about to be sent. PutRecord
// replaces the whole record, so a feature missing from the new one is a change too (it is removed).
import type { FeatureDefinition } from './model';
import type { FeatureInput } from './featureValues';

export type RecordValues = Record<string, FeatureInput>;

export interface FeatureChange {
  feature: string;
  /** Absent: the stored record has no value for it (or there is no stored record). */
  before?: FeatureInput;
  /** Absent: the new record leaves it out, so the write removes it. */
  after?: FeatureInput;
}

function same(a: FeatureInput | undefined, b: FeatureInput | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Changed features, in definition order (then any undefined names the stored record carries). */
export function diffRecords(features: FeatureDefinition[], before: RecordValues | undefined, after: RecordValues): FeatureChange[] {
  const names = [...features.map((f) => f.name)];
  for (const n of [...Object.keys(before ?? {}), ...Object.keys(after)]) if (!names.includes(n)) names.push(n);
  const changes: FeatureChange[] = [];
  for (const feature of names) {
    const b = before?.[feature];
    const a = after[feature];
    if (same(a, b)) continue;
    changes.push({ feature, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
  }
  return changes;
}

/** A stable text of a stored record (sorted keys), to tell whether it changed between two reads. */
export function recordFingerprint(values: RecordValues | undefined): string {
  if (!values) return 'none';
  return JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
}

/** One value as a short line of text for diffs and confirmations: lists bracketed, long text cut. */
export function formatValueShort(value: FeatureInput | undefined, def?: FeatureDefinition, max = 60): string {
  if (value === undefined) return '(not set)';
  const numeric = def !== undefined && (def.type !== 'String' || def.collection === 'Vector');
  const one = (v: string) => (numeric && v !== '' ? v : JSON.stringify(v));
  const text = Array.isArray(value) ? `[${value.map(one).join(', ')}]` : one(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
