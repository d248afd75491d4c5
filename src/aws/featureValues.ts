// Pure checks of feature values against a group's FeatureDefinitions, before a PutRecord is sent.
// No SDK import here, so the inspector webview can bundle it too.
import type { FeatureDefinition, FeatureGroupDetail, TtlDuration } from './model';
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
  if (!Number.isFinite(Number(v))) return `"${v}" is too large to be a finite number (a Fractional is a 64-bit double).`;
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

/** Date.UTC reads years 0–99 as 1900–1999; event times may be as early as year 0000. */
function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(utcMillis(year, month + 1, 0));
  return d.getUTCDate();
}

/**
 * Fractional: Unix seconds. String: `yyyy-MM-ddTHH:mm:ssZ`, optionally with 1 to 9 fraction digits.
 * Either way within 0000-01-01T00:00:00Z … 9999-12-31T23:59:59.999999999Z (aws-facts §6).
 */
export function validateEventTime(def: FeatureDefinition, value: FeatureInput): string | undefined {
  if (Array.isArray(value)) return 'The event time is a single value, not a list.';
  if (def.type === 'Fractional') {
    const problem = checkFractional(value);
    if (problem) return `${problem} The event time must be Unix epoch seconds, e.g. 1735732800.5.`;
    // Exact where the decimal allows it, so the last nanosecond of year 9999 still counts as inside.
    const nanos = decimalSecondsToNanos(value);
    const seconds = Number(value);
    const inside = nanos !== undefined ? nanos >= MIN_EVENT_TIME_NANOS && nanos <= MAX_EVENT_TIME_NANOS : seconds >= Number(MIN_EVENT_TIME_SECONDS) && seconds <= Number(MAX_EVENT_TIME_SECONDS);
    return inside ? undefined : `"${value}" is outside the event time range: ${EVENT_TIME_RANGE}, that is ${MIN_EVENT_TIME_SECONDS} to ${MAX_EVENT_TIME_SECONDS}.999999999 epoch seconds.`;
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
export function validateRecord(
  group: Pick<FeatureGroupDetail, 'name' | 'features' | 'recordIdentifierFeatureName' | 'eventTimeFeatureName'>,
  values: Record<string, FeatureInput>,
): FeatureProblem[] {
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

// ---- event times as exact instants -------------------------------------------------------------
// Event times are compared and shifted exactly (nanoseconds as bigint): an ISO String event time
// may carry 9 fraction digits, more than a double holds, and "older than the stored one" must be
// decided the way the service decides it.

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const NANOS_PER_SECOND = 1_000_000_000n;
/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z as epoch seconds: the event time range (aws-facts §6). */
const MIN_EVENT_TIME_SECONDS = -62_167_219_200n;
const MAX_EVENT_TIME_SECONDS = 253_402_300_799n;
const MIN_EVENT_TIME_NANOS = MIN_EVENT_TIME_SECONDS * NANOS_PER_SECOND;
const MAX_EVENT_TIME_NANOS = (MAX_EVENT_TIME_SECONDS + 1n) * NANOS_PER_SECOND - 1n;
export const EVENT_TIME_RANGE = 'Feature Store accepts 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z';

/** A decimal string as a whole number of nanoseconds (truncated past the ninth decimal). */
function decimalSecondsToNanos(text: string): bigint | undefined {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const digits = `${m[2]}${m[3] ?? ''}`.replace(/^0+(?=\d)/, '') || '0';
  const exponent = Number(m[4] ?? '0');
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  // value = digits × 10^(exponent − fractionDigits); nanos = value × 10^9.
  const shift = 9 + exponent - (m[3] ?? '').length;
  const magnitude = shift >= 0 ? BigInt(digits) * 10n ** BigInt(shift) : BigInt(digits) / 10n ** BigInt(-shift);
  return m[1] === '-' ? -magnitude : magnitude;
}

/** The instant of an event time value, in nanoseconds since the epoch; undefined when it is not valid. */
export function eventTimeNanos(def: FeatureDefinition, value: FeatureInput | undefined): bigint | undefined {
  if (value === undefined || Array.isArray(value) || validateEventTime(def, value)) return undefined;
  if (def.type === 'Fractional') return decimalSecondsToNanos(value);
  const m = ISO_EVENT_TIME.exec(value)!;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const wholeSeconds = BigInt(utcMillis(year, month, day, hour, minute, second) / 1000);
  const fraction = BigInt((m[7] ?? '.').slice(1).padEnd(9, '0'));
  return wholeSeconds * NANOS_PER_SECOND + fraction;
}

/** Floor division for bigints (BigInt `/` truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/**
 * Whole epoch seconds as `yyyy-MM-ddTHH:mm:ss`, for any instant: proleptic Gregorian calendar
 * (days → civil date after H. Hinnant), years outside 0000–9999 in ISO's expanded `±yyyyyy` form.
 * Never throws, unlike Date#toISOString beyond ±275760 years.
 */
function isoSeconds(seconds: bigint): string {
  const days = floorDiv(seconds, 86_400n);
  const secondOfDay = seconds - days * 86_400n;
  const z = days + 719_468n;
  const era = floorDiv(z, 146_097n);
  const dayOfEra = z - era * 146_097n;
  const yearOfEra = (dayOfEra - dayOfEra / 1460n + dayOfEra / 36_524n - dayOfEra / 146_096n) / 365n;
  const dayOfYear = dayOfEra - (365n * yearOfEra + yearOfEra / 4n - yearOfEra / 100n);
  const mp = (5n * dayOfYear + 2n) / 153n;
  const day = dayOfYear - (153n * mp + 2n) / 5n + 1n;
  const month = mp < 10n ? mp + 3n : mp - 9n;
  const year = yearOfEra + era * 400n + (month <= 2n ? 1n : 0n);
  const two = (n: bigint) => n.toString().padStart(2, '0');
  const yearText = year >= 0n && year <= 9999n ? year.toString().padStart(4, '0') : `${year < 0n ? '-' : '+'}${(year < 0n ? -year : year).toString().padStart(6, '0')}`;
  return `${yearText}-${two(month)}-${two(day)}T${two(secondOfDay / 3600n)}:${two((secondOfDay / 60n) % 60n)}:${two(secondOfDay % 60n)}`;
}

/** An instant in the event-time feature's own format (ISO String or epoch-seconds Fractional), trailing zeros trimmed. */
export function formatEventTime(def: FeatureDefinition, nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const fraction = (abs % NANOS_PER_SECOND).toString().padStart(9, '0').replace(/0+$/, '');
  if (def.type === 'Fractional') {
    const seconds = (abs / NANOS_PER_SECOND).toString();
    return `${negative ? '-' : ''}${seconds}${fraction ? `.${fraction}` : ''}`;
  }
  const seconds = floorDiv(nanos, NANOS_PER_SECOND);
  const frac = (nanos - seconds * NANOS_PER_SECOND).toString().padStart(9, '0').replace(/0+$/, '');
  return `${isoSeconds(seconds)}${frac ? `.${frac}` : ''}Z`;
}

/**
 * The same instant in the other accepted format, for display next to the stored value: ISO for a
 * Fractional (epoch seconds) event time, epoch seconds for an ISO String one.
 */
export function eventTimeInOtherFormat(def: FeatureDefinition, value: FeatureInput | undefined): string | undefined {
  const nanos = eventTimeNanos(def, value);
  if (nanos === undefined) return undefined;
  const other: FeatureDefinition = { ...def, type: def.type === 'Fractional' ? 'String' : 'Fractional' };
  // Years outside 0000–9999 are not event times.
  if (nanos < MIN_EVENT_TIME_NANOS || nanos > MAX_EVENT_TIME_NANOS) return undefined;
  return formatEventTime(other, nanos);
}

/** -1, 0 or 1 as `a` is older than, as old as, or newer than `b`; undefined when either is not a valid event time. */
export function compareEventTimes(def: FeatureDefinition, a: FeatureInput | undefined, b: FeatureInput | undefined): -1 | 0 | 1 | undefined {
  const x = eventTimeNanos(def, a);
  const y = eventTimeNanos(def, b);
  if (x === undefined || y === undefined) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * An event time for a delete that the service will honour: now, unless the stored record's event
 * time is not older than now (clock skew, or a record written "in the future"), then one second
 * after it. A delete with an older event time is ignored (SoftDelete) or refused (HardDelete).
 */
export function eventTimeAfter(def: FeatureDefinition, stored: FeatureInput | undefined, now: Date = new Date()): string {
  const current = nowEventTime(def, now);
  const storedNanos = eventTimeNanos(def, stored);
  const nowNanos = eventTimeNanos(def, current)!;
  if (storedNanos === undefined || nowNanos > storedNanos) return current;
  // The last instant of year 9999 is as late as an event time goes (equal is still honoured).
  const after = storedNanos + NANOS_PER_SECOND;
  return formatEventTime(def, after > MAX_EVENT_TIME_NANOS ? MAX_EVENT_TIME_NANOS : after);
}

const TTL_SECONDS: Record<TtlDuration['unit'], bigint> = { Seconds: 1n, Minutes: 60n, Hours: 3600n, Days: 86_400n, Weeks: 604_800n };
export const TTL_UNITS: readonly TtlDuration['unit'][] = ['Seconds', 'Minutes', 'Hours', 'Days', 'Weeks'];
/** TtlDuration.Value is a 32-bit integer ≥ 1 in the service model. */
export const MAX_TTL_VALUE = 2_147_483_647;

/** A problem with a time to live itself (unit, whole number within 1 … 2^31−1), or undefined. */
export function ttlProblem(ttl: TtlDuration): string | undefined {
  if (!TTL_UNITS.includes(ttl.unit)) return `"${ttl.unit}" is not a time-to-live unit: use Seconds, Minutes, Hours, Days or Weeks.`;
  if (!Number.isSafeInteger(ttl.value) || ttl.value < 1) return `The time to live must be a whole number of ${ttl.unit.toLowerCase()} (1 or more).`;
  if (ttl.value > MAX_TTL_VALUE) return `The time to live can be at most ${MAX_TTL_VALUE} ${ttl.unit.toLowerCase()} (a 32-bit number); got ${ttl.value}.`;
  return undefined;
}

function expiryNanos(def: FeatureDefinition, eventTime: FeatureInput | undefined, ttl: TtlDuration): bigint | undefined {
  const nanos = eventTimeNanos(def, eventTime);
  if (nanos === undefined || !TTL_UNITS.includes(ttl.unit) || !Number.isSafeInteger(ttl.value)) return undefined;
  return nanos + BigInt(ttl.value) * TTL_SECONDS[ttl.unit] * NANOS_PER_SECOND;
}

/** ExpiresAt = EventTime + TtlDuration, as an ISO instant (undefined when the event time or TTL is not valid). */
export function expiryOf(def: FeatureDefinition, eventTime: FeatureInput | undefined, ttl: TtlDuration): string | undefined {
  const nanos = expiryNanos(def, eventTime, ttl);
  return nanos === undefined ? undefined : formatEventTime({ name: def.name, type: 'String' }, nanos);
}

/**
 * Why a write would expire beyond the last event time (9999-12-31T23:59:59.999999999Z), which
 * Feature Store cannot represent (the sandbox refuses such a write); undefined when it is fine or
 * when the event time or TTL has a problem of its own.
 */
export function expiryProblem(def: FeatureDefinition, eventTime: FeatureInput | undefined, ttl: TtlDuration): string | undefined {
  const nanos = expiryNanos(def, eventTime, ttl);
  if (nanos === undefined || nanos <= MAX_EVENT_TIME_NANOS) return undefined;
  return `Event time ${String(eventTime)} plus a time to live of ${ttl.value} ${ttl.unit.toLowerCase()} expires at ${formatEventTime({ name: def.name, type: 'String' }, nanos)}, after 9999-12-31T23:59:59.999999999Z, the latest time Feature Store handles.`;
}
