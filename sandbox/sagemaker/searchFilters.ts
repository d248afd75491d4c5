// Evaluation of Search's SearchExpression (Filters, NestedFilters, SubExpressions, And/Or)
// over the result documents. Property names are dotted paths; arrays match if any element does.
import type { Json } from '../check';
import { smCheck as check } from './errors';

const OPERATORS = ['Equals', 'NotEquals', 'GreaterThan', 'GreaterThanOrEqualTo', 'LessThan', 'LessThanOrEqualTo', 'Contains', 'Exists', 'NotExists', 'In'] as const;
type Operator = (typeof OPERATORS)[number];
/** Search properties holding timestamps (FeatureGroup and FeatureMetadata). */
const TIMESTAMP_PROPERTY = /(^|\.)(CreationTime|LastModifiedTime)$/;

interface Filter { name: string; operator: Operator; value?: string }
export interface Expression { filters: Filter[]; nested: Filter[][]; subs: Expression[]; or: boolean }

export function parseExpression(raw: Json | undefined, depth = 0): Expression | undefined {
  if (!raw) return undefined;
  if (depth > 5) throw check.fail('SearchExpression is nested too deeply');
  const filters = (check.objList(raw, 'Filters', { min: 1, max: 20 }) ?? []).map(parseFilter);
  const nested = (check.objList(raw, 'NestedFilters', { min: 1, max: 20 }) ?? []).map((n) => {
    check.str(n, 'NestedPropertyName', { required: true, min: 1, max: 255 });
    return check.objList(n, 'Filters', { required: true, min: 1, max: 20 })!.map(parseFilter);
  });
  const subs = (check.objList(raw, 'SubExpressions', { min: 1, max: 20 }) ?? []).map((s) => parseExpression(s, depth + 1)!);
  const or = check.oneOf(raw, 'Operator', ['And', 'Or'] as const) === 'Or';
  return { filters, nested, subs, or };
}

function parseFilter(raw: Json): Filter {
  const name = check.str(raw, 'Name', { required: true, min: 1, max: 255 });
  const operator = check.oneOf(raw, 'Operator', OPERATORS) ?? 'Equals';
  const value = check.str(raw, 'Value', { max: 1024 });
  if (value === undefined && operator !== 'Exists' && operator !== 'NotExists') throw check.fail(`Filter on ${name} with operator ${operator} needs a Value`);
  if (value !== undefined && TIMESTAMP_PROPERTY.test(name) && operator !== 'Contains') {
    // A timestamp compared with something that is not one would silently match nothing.
    for (const part of operator === 'In' ? value.split(',') : [value]) {
      if (!Number.isFinite(toNumber(part.trim()))) throw check.fail(`Invalid value '${part.trim()}' for ${name} in a ${operator} filter: expected a timestamp (epoch seconds or an ISO-8601 date-time)`);
    }
  }
  return { name, operator, value };
}

export function matches(doc: Json, expr: Expression | undefined, searchable: (name: string) => boolean): boolean {
  if (!expr) return true;
  const results = [
    ...expr.filters.map((f) => matchFilter(doc, f, searchable)),
    ...expr.nested.map((group) => group.every((f) => matchFilter(doc, f, searchable))),
    ...expr.subs.map((sub) => matches(doc, sub, searchable)),
  ];
  return expr.or ? results.some(Boolean) : results.every(Boolean);
}

/** All values found at a dotted path; `Tags.<key>` reads the tag with that key. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const [head, ...rest] = path.split('.');
  if (doc === undefined || doc === null) return [];
  if (Array.isArray(doc)) return doc.flatMap((item) => valuesAt(item, path));
  if (typeof doc !== 'object') return [];
  const obj = doc as Json;
  if (head === 'Tags' && rest.length > 0 && Array.isArray(obj.Tags)) {
    const tag = (obj.Tags as { Key: string; Value: string }[]).find((t) => t.Key === rest.join('.'));
    return tag ? [tag.Value] : [];
  }
  const value = obj[head];
  if (rest.length === 0) return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  return valuesAt(value, rest.join('.'));
}

function matchFilter(doc: Json, filter: Filter, searchable: (name: string) => boolean): boolean {
  if (!searchable(filter.name)) return false;
  const values = valuesAt(doc, filter.name).filter((v) => typeof v !== 'object');
  switch (filter.operator) {
    case 'Exists': return values.length > 0;
    case 'NotExists': return values.length === 0;
    case 'NotEquals': return !values.some((v) => equal(v, filter.value!));
    case 'In': {
      const wanted = filter.value!.split(',').map((s) => s.trim());
      return values.some((v) => wanted.some((w) => equal(v, w)));
    }
    default: return values.some((v) => compare(v, filter.operator, filter.value!));
  }
}

function equal(actual: unknown, wanted: string): boolean {
  if (typeof actual === 'number') return actual === toNumber(wanted);
  return String(actual) === wanted;
}

function compare(actual: unknown, op: Operator, wanted: string): boolean {
  if (op === 'Equals') return equal(actual, wanted);
  if (op === 'Contains') return String(actual).toLowerCase().includes(wanted.toLowerCase());
  const a = typeof actual === 'number' ? actual : String(actual);
  const b = typeof actual === 'number' ? toNumber(wanted) : wanted;
  if (typeof b === 'number' && Number.isNaN(b)) return false;
  switch (op) {
    case 'GreaterThan': return a > b;
    case 'GreaterThanOrEqualTo': return a >= b;
    case 'LessThan': return a < b;
    case 'LessThanOrEqualTo': return a <= b;
    default: return false;
  }
}

/** Numbers and timestamps: a plain number, or a date string turned into epoch seconds. */
function toNumber(value: string): number {
  const n = Number(value);
  if (value.trim() !== '' && !Number.isNaN(n)) return n;
  return Date.parse(value) / 1000;
}
