// Turning record values into text for the table and the edit form, and form text back into values.
// Pure (no DOM): unit-tested in node and bundled into the page.
import { validateFeatureValue } from '../aws/featureValues';
import type { FeatureDefinition } from '../aws/model';

export type WireValue = string | string[];

/** What the table cell shows: `items` for collections (one chip each), `text` for scalars. */
export interface DisplayValue {
  kind: 'missing' | 'number' | 'text' | 'list' | 'vector';
  text: string;
  items?: string[];
}

export function displayValue(def: FeatureDefinition, value: WireValue | undefined): DisplayValue {
  if (value === undefined) return { kind: 'missing', text: '(not set)' };
  if (Array.isArray(value)) {
    if (def.collection === 'Vector') return { kind: 'vector', text: `[${value.join(', ')}]`, items: value };
    return { kind: 'list', text: value.length === 0 ? '(empty)' : value.join(', '), items: value };
  }
  if (def.collection) {
    // A collection feature the service returned as a scalar: show it as is rather than guess.
    return { kind: 'text', text: value };
  }
  return { kind: def.type === 'String' ? 'text' : 'number', text: value };
}

function isNumeric(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

/** The edit form's text for a current value: collections as a JSON array, numbers unquoted. */
export function inputText(def: FeatureDefinition, value: WireValue | undefined): string {
  if (value === undefined) return '';
  if (!Array.isArray(value)) return value;
  if (def.type !== 'String' && value.every(isNumeric)) return `[${value.join(', ')}]`;
  return JSON.stringify(value).replace(/","/g, '", "');
}

export type ParsedInput = { kind: 'empty' } | { kind: 'value'; value: WireValue } | { kind: 'error'; message: string };

/**
 * Reads one form input. Only the shape is checked here (a collection must be a JSON array of
 * scalars); whether the values fit the feature type is decided by the host with src/aws/records,
 * the same validation PutRecord goes through.
 */
export function parseInput(def: FeatureDefinition, text: string): ParsedInput {
  if (text.trim() === '') return { kind: 'empty' };
  if (!def.collection) return { kind: 'value', value: def.type === 'String' ? text : text.trim() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'error', message: `${def.name} is a ${def.collection}: enter a JSON array such as ${def.type === 'String' ? '["a", "b"]' : '[1, 2]'}.` };
  }
  if (!Array.isArray(parsed)) {
    return { kind: 'error', message: `${def.name} is a ${def.collection}: enter a JSON array, not a single value.` };
  }
  const items: string[] = [];
  for (const item of parsed) {
    if (typeof item === 'string') items.push(item);
    else if (typeof item === 'number' && Number.isFinite(item)) items.push(String(item));
    else return { kind: 'error', message: `${def.name}: every element must be a ${def.type === 'String' ? 'string' : 'number'}; found ${JSON.stringify(item)}.` };
  }
  return { kind: 'value', value: items };
}

export type FeatureRole = 'recordIdentifier' | 'eventTime' | undefined;

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
