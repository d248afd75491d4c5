// Turning record values into text for the tables and the edit form, and form text back into values.
// Pure (no DOM): unit-tested in node and bundled into the page. Values stay strings end to end, so
// an Integral above 2^53 is never squeezed through a double.
import { isLosslessNumber, LosslessNumber, parse } from 'lossless-json';
import { eventTimeInOtherFormat, validateFeatureValue } from '../aws/featureValues';
import type { FeatureDefinition } from '../aws/model';

export type WireValue = string | string[];
export type FeatureRole = 'recordIdentifier' | 'eventTime' | undefined;

/** What a table cell shows: `items` for collections (one chip each), `text` for scalars. */
export interface DisplayValue {
  kind: 'missing' | 'number' | 'text' | 'empty-text' | 'list' | 'vector';
  text: string;
  items?: string[];
  /** A second, muted line: the event time in the other format, a vector's length check. */
  note?: string;
  /** The note reports a problem (a vector of the wrong length). */
  warning?: boolean;
}

export function displayValue(def: FeatureDefinition, value: WireValue | undefined, role?: FeatureRole): DisplayValue {
  if (value === undefined) return { kind: 'missing', text: '(not set)' };
  if (Array.isArray(value)) {
    if (def.collection === 'Vector') {
      const dim = def.vectorDimension;
      const wrong = dim !== undefined && value.length !== dim;
      const note = dim === undefined ? `${value.length} values` : wrong ? `${value.length} values, but the dimension is ${dim}` : `${value.length} of ${dim} dimensions`;
      return { kind: 'vector', text: `[${value.join(', ')}]`, items: value, note, ...(wrong ? { warning: true } : {}) };
    }
    return { kind: 'list', text: value.length === 0 ? '(empty)' : value.join(', '), items: value };
  }
  // A collection feature the service returned as a scalar: show it as is rather than guess.
  if (def.collection) return { kind: 'text', text: value };
  if (def.type === 'String' && value === '') return { kind: 'empty-text', text: '(empty string)' };
  const shown: DisplayValue = { kind: def.type === 'String' ? 'text' : 'number', text: value };
  if (role === 'eventTime') {
    const other = eventTimeInOtherFormat(def, value);
    if (other) shown.note = def.type === 'Fractional' ? `= ${other}` : `= ${other} epoch seconds`;
  }
  return shown;
}

/** The edit form's text for a current value: collections as a JSON array, numbers unquoted. */
export function inputText(def: FeatureDefinition, value: WireValue | undefined): string {
  if (value === undefined) return '';
  if (!Array.isArray(value)) return value;
  const numeric = def.type !== 'String' || def.collection === 'Vector';
  if (numeric && value.every((v) => /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(v))) return `[${value.join(', ')}]`;
  return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
}

export type ParsedInput = { kind: 'empty' } | { kind: 'value'; value: WireValue } | { kind: 'error'; message: string };

function example(def: FeatureDefinition): string {
  return def.type === 'String' && def.collection !== 'Vector' ? '["a", "b"]' : '[1, 2]';
}

/**
 * Reads one form input. Only the shape is checked here (a collection must be a JSON array of
 * scalars, read losslessly); whether the values fit the feature type is decided by
 * validateFeatureValue, the same check PutRecord goes through.
 */
export function parseInput(def: FeatureDefinition, text: string): ParsedInput {
  if (text.trim() === '') return { kind: 'empty' };
  if (!def.collection) return { kind: 'value', value: def.type === 'String' ? text : text.trim() };
  let parsed: unknown;
  try {
    parsed = parse(text, null, (digits: string) => new LosslessNumber(digits));
  } catch {
    return { kind: 'error', message: `${def.name} is a ${def.collection}: enter a JSON array such as ${example(def)}.` };
  }
  if (!Array.isArray(parsed)) {
    return { kind: 'error', message: `${def.name} is a ${def.collection}: enter a JSON array, not a single value.` };
  }
  const items: string[] = [];
  for (const item of parsed) {
    if (typeof item === 'string') items.push(item);
    else if (isLosslessNumber(item)) items.push(item.value);
    else return { kind: 'error', message: `${def.name}: every element must be a ${def.type === 'String' ? 'string' : 'number'}; found ${JSON.stringify(item)}.` };
  }
  return { kind: 'value', value: items };
}

export function roleOf(group: { recordIdentifierFeatureName: string; eventTimeFeatureName: string }, feature: string): FeatureRole {
  if (feature === group.recordIdentifierFeatureName) return 'recordIdentifier';
  if (feature === group.eventTimeFeatureName) return 'eventTime';
  return undefined;
}

/**
 * Problems of one form field, shown next to it while typing. The checks are src/aws's own
 * (validateFeatureValue), so the page refuses exactly what RecordService.put would refuse.
 */
export function fieldProblem(def: FeatureDefinition, role: FeatureRole, text: string): string | undefined {
  const parsed = parseInput(def, text);
  if (parsed.kind === 'error') return parsed.message;
  if (parsed.kind === 'empty') {
    if (role === 'recordIdentifier') return 'The record identifier is required.';
    if (role === 'eventTime') return 'The event time is required.';
    return undefined;
  }
  return validateFeatureValue(def, parsed.value, role);
}

/** The values to send, or every field's problem; empty optional fields are left out of the record. */
export function collectValues(
  group: { features: FeatureDefinition[]; recordIdentifierFeatureName: string; eventTimeFeatureName: string },
  texts: Record<string, string>,
): { values: Record<string, WireValue>; problems: Array<{ feature: string; message: string }> } {
  const values: Record<string, WireValue> = {};
  const problems: Array<{ feature: string; message: string }> = [];
  for (const def of group.features) {
    const text = texts[def.name] ?? '';
    const problem = fieldProblem(def, roleOf(group, def.name), text);
    if (problem) {
      problems.push({ feature: def.name, message: problem });
      continue;
    }
    const parsed = parseInput(def, text);
    if (parsed.kind === 'value') values[def.name] = parsed.value;
  }
  return { values, problems };
}

/** Form texts for a record (the JSON editor's values going back into the form). */
export function textsOf(features: FeatureDefinition[], values: Record<string, WireValue>): Record<string, string> {
  return Object.fromEntries(features.map((def) => [def.name, inputText(def, values[def.name])]));
}

/**
 * Record ids pasted or typed for a batch lookup: a JSON array of strings, or one id per line
 * (commas also separate ids on a line). Blanks are dropped and duplicates kept once, in order.
 */
export function parseRecordIds(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = parse(trimmed, null, (digits: string) => digits);
      if (Array.isArray(parsed)) return [...new Set(parsed.map((v) => String(v).trim()).filter((v) => v !== ''))];
    } catch {
      // Not JSON after all: read it line by line.
    }
  }
  const ids = text.split(/\r?\n/).flatMap((line) => line.split(/[,\t]/)).map((id) => id.trim()).filter((id) => id !== '');
  return [...new Set(ids)];
}
