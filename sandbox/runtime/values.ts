// Checks a PutRecord record against the feature definitions: names, types, collections,
// event time formats and the 350 KB record limit.
import { ApiError } from '../errors';
import { MAX_RECORD_BYTES, MAX_RECORD_ID_BYTES, RESERVED_FEATURE_NAMES } from '../constants';
import type { FeatureDefinition, FeatureGroup, FeatureValue } from '../state';
import { END_EVENT_TIME_SECONDS, MIN_EVENT_TIME_SECONDS, utcMillis } from '../time';

const INT_RE = /^[+-]?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const FLOAT_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** `yyyy-MM-dd'T'HH:mm:ssZ` with an optional fraction of 1 to 9 digits (aws-facts §6). */
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;
const RANGE_TEXT = 'between 0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z';

export function validationError(message: string): ApiError {
  return new ApiError('ValidationError', message);
}

/** Event time as fractional epoch seconds, or a ValidationError naming the accepted formats. */
export function parseEventTime(def: FeatureDefinition, raw: string): number {
  if (def.FeatureType === 'Fractional') {
    if (!FLOAT_RE.test(raw.trim())) throw validationError(`Invalid value '${raw}' for EventTime feature ${def.FeatureName} of type Fractional: expected Unix epoch seconds`);
    const seconds = Number(raw);
    // Also refuses 1e400 (Infinity), which would otherwise make every later write look historic.
    if (!(seconds >= MIN_EVENT_TIME_SECONDS && seconds < END_EVENT_TIME_SECONDS)) {
      throw validationError(`Invalid value '${raw}' for EventTime feature ${def.FeatureName}: the event time must be ${RANGE_TEXT} (${MIN_EVENT_TIME_SECONDS} to ${END_EVENT_TIME_SECONDS - 1}.999999999 epoch seconds)`);
    }
    return seconds;
  }
  const m = ISO_RE.exec(raw);
  const ms = m ? utcMillis(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== +m[3] || +m[2] < 1 || +m[2] > 12 || +m[4] > 23 || +m[5] > 59 || +m[6] > 59) {
    throw validationError(`Invalid value '${raw}' for EventTime feature ${def.FeatureName} of type String: expected yyyy-MM-dd'T'HH:mm:ssZ or yyyy-MM-dd'T'HH:mm:ss.SSSZ`);
  }
  return ms / 1000 + (m[7] ? Number(`0${m[7]}`) : 0);
}

function checkScalar(def: FeatureDefinition, value: string): void {
  if (def.FeatureType === 'Integral') {
    if (!INT_RE.test(value)) throw validationError(`Invalid value '${value}' for feature ${def.FeatureName} of type Integral`);
    const n = BigInt(value);
    if (n < INT64_MIN || n > INT64_MAX) throw validationError(`Value '${value}' for feature ${def.FeatureName} is outside the 64-bit Integral range`);
  } else if (def.FeatureType === 'Fractional') {
    if (!FLOAT_RE.test(value)) throw validationError(`Invalid value '${value}' for feature ${def.FeatureName} of type Fractional`);
    if (!Number.isFinite(Number(value))) throw validationError(`Value '${value}' for feature ${def.FeatureName} is outside the range of a Fractional (a finite IEEE-754 double)`);
  }
}

function checkValue(def: FeatureDefinition, fv: FeatureValue): void {
  const hasScalar = fv.ValueAsString !== undefined && fv.ValueAsString !== null;
  const hasList = fv.ValueAsStringList !== undefined && fv.ValueAsStringList !== null;
  if (hasScalar && hasList) throw validationError(`Feature ${def.FeatureName} must have either ValueAsString or ValueAsStringList, not both`);
  if (def.CollectionType) {
    if (!hasList) throw validationError(`Feature ${def.FeatureName} has CollectionType ${def.CollectionType}: use ValueAsStringList`);
    const list = fv.ValueAsStringList!;
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string')) throw validationError(`ValueAsStringList of ${def.FeatureName} must be a list of strings`);
    for (const v of list) checkScalar(def, v);
    if (def.CollectionType === 'Set' && new Set(list).size !== list.length) throw validationError(`Feature ${def.FeatureName} is a Set: values must be unique`);
    const dim = def.CollectionConfig?.VectorConfig?.Dimension;
    if (def.CollectionType === 'Vector' && list.length !== dim) throw validationError(`Feature ${def.FeatureName} is a Vector of dimension ${dim}: got ${list.length} values`);
    return;
  }
  if (hasList) throw validationError(`Feature ${def.FeatureName} is not a collection: use ValueAsString`);
  if (!hasScalar) throw validationError(`Feature ${def.FeatureName} has no value`);
  if (typeof fv.ValueAsString !== 'string') throw validationError(`ValueAsString of ${def.FeatureName} must be a string`);
  checkScalar(def, fv.ValueAsString);
}

export interface CheckedRecord { values: FeatureValue[]; recordId: string; eventTime: number }

/** Validates a whole record; returns the normalised values, its identifier and event time. */
export function checkRecord(fg: FeatureGroup, raw: unknown): CheckedRecord {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('1 validation error detected: Value at \'record\' failed to satisfy constraint: Member must have length greater than or equal to 1');
  const byName = new Map(fg.featureDefinitions.map((d) => [d.FeatureName, d]));
  const seen = new Set<string>();
  const values: FeatureValue[] = [];
  let bytes = 0;
  for (const item of raw as FeatureValue[]) {
    if (typeof item !== 'object' || item === null || typeof item.FeatureName !== 'string') throw validationError('Each record entry needs a FeatureName');
    const name = item.FeatureName;
    if (RESERVED_FEATURE_NAMES.has(name.toLowerCase())) throw validationError(`The feature name ${name} is reserved and cannot be written`);
    const def = byName.get(name);
    if (!def) throw validationError(`Feature ${name} is not defined in feature group ${fg.name}`);
    if (seen.has(name)) throw validationError(`Feature ${name} appears more than once in the record`);
    seen.add(name);
    // The event time first, so that 1e400 is reported as out of the event time range.
    if (name === fg.eventTimeFeatureName && typeof item.ValueAsString === 'string') parseEventTime(def, item.ValueAsString);
    checkValue(def, item);
    const value: FeatureValue = def.CollectionType ? { FeatureName: name, ValueAsStringList: [...item.ValueAsStringList!] } : { FeatureName: name, ValueAsString: item.ValueAsString };
    bytes += Buffer.byteLength(name) + (value.ValueAsString !== undefined ? Buffer.byteLength(value.ValueAsString) : value.ValueAsStringList!.reduce((n, v) => n + Buffer.byteLength(v), 0));
    values.push(value);
  }
  if (bytes > MAX_RECORD_BYTES) throw validationError(`Record size ${bytes} bytes exceeds the maximum record size of ${MAX_RECORD_BYTES} bytes (350 KB)`);
  const idValue = values.find((v) => v.FeatureName === fg.recordIdentifierFeatureName)?.ValueAsString;
  if (idValue === undefined) throw validationError(`The record identifier feature ${fg.recordIdentifierFeatureName} is missing from the record`);
  if (Buffer.byteLength(idValue) > MAX_RECORD_ID_BYTES) throw validationError('The record identifier value exceeds 2 KB');
  const etValue = values.find((v) => v.FeatureName === fg.eventTimeFeatureName)?.ValueAsString;
  if (etValue === undefined) throw validationError(`The event time feature ${fg.eventTimeFeatureName} is missing from the record`);
  const eventTime = parseEventTime(byName.get(fg.eventTimeFeatureName)!, etValue);
  return { values, recordId: idValue, eventTime };
}
