// Event times in both accepted formats, compared and shifted exactly; TTL expiry; and the value
// edges the inspector meets (huge integers, NaN, empty strings, collections, vectors).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  compareEventTimes,
  eventTimeAfter,
  eventTimeInOtherFormat,
  eventTimeNanos,
  expiryOf,
  formatEventTime,
  nowEventTime,
  validateFeatureValue,
} from '../../../src/aws/featureValues';
import type { FeatureDefinition } from '../../../src/aws/model';

const iso: FeatureDefinition = { name: 'event_time', type: 'String' };
const epoch: FeatureDefinition = { name: 'event_time', type: 'Fractional' };

describe('event time instants', () => {
  test('ISO with up to nine fraction digits is exact', () => {
    assert.equal(eventTimeNanos(iso, '2025-01-15T12:00:00Z'), 1_736_942_400_000_000_000n);
    assert.equal(eventTimeNanos(iso, '2025-01-15T12:00:00.123456789Z'), 1_736_942_400_123_456_789n);
    assert.equal(eventTimeNanos(iso, '2025-01-15T12:00:00.5Z'), 1_736_942_400_500_000_000n);
  });
  test('epoch seconds, with fractions and exponents', () => {
    assert.equal(eventTimeNanos(epoch, '1736942400'), 1_736_942_400_000_000_000n);
    assert.equal(eventTimeNanos(epoch, '1736942400.25'), 1_736_942_400_250_000_000n);
    assert.equal(eventTimeNanos(epoch, '1.7369424e9'), 1_736_942_400_000_000_000n);
    assert.equal(eventTimeNanos(epoch, '-1.5'), -1_500_000_000n);
  });
  test('invalid values have no instant', () => {
    for (const bad of ['NaN', 'Infinity', '', 'yesterday']) assert.equal(eventTimeNanos(epoch, bad), undefined, bad);
    for (const bad of ['2025-02-30T00:00:00Z', '2025-01-15 12:00:00', '2025-01-15T12:00:00.1234567890Z', '1736942400']) assert.equal(eventTimeNanos(iso, bad), undefined, bad);
    assert.equal(eventTimeNanos(iso, ['2025-01-15T12:00:00Z']), undefined);
  });
  test('years before 100 are not read as 19xx (year 0 is a leap year, 1900 is not)', () => {
    assert.equal(formatEventTime(iso, eventTimeNanos(iso, '0000-02-29T00:00:00Z')!), '0000-02-29T00:00:00Z');
    assert.match(validateFeatureValue(iso, '1900-02-29T00:00:00Z', 'eventTime') ?? '', /real date/);
  });
  test('formatting keeps only the digits needed, in the feature own format', () => {
    assert.equal(formatEventTime(iso, 1_736_942_400_120_000_000n), '2025-01-15T12:00:00.12Z');
    assert.equal(formatEventTime(epoch, 1_736_942_400_120_000_000n), '1736942400.12');
    assert.equal(formatEventTime(iso, -1n), '1969-12-31T23:59:59.999999999Z');
  });
  test('each format is shown with the other next to it', () => {
    assert.equal(eventTimeInOtherFormat(iso, '2025-01-15T12:00:00.5Z'), '1736942400.5');
    assert.equal(eventTimeInOtherFormat(epoch, '1736942400.5'), '2025-01-15T12:00:00.5Z');
    assert.equal(eventTimeInOtherFormat(epoch, '1e20'), undefined, 'beyond year 9999 there is no ISO form');
  });
  test('comparisons see nanoseconds a double would lose', () => {
    assert.equal(compareEventTimes(iso, '2025-01-15T12:00:00.000000001Z', '2025-01-15T12:00:00Z'), 1);
    assert.equal(compareEventTimes(iso, '2025-01-15T12:00:00Z', '2025-01-15T12:00:00.000Z'), 0);
    assert.equal(compareEventTimes(epoch, '1736942400.000000001', '1736942400.000000002'), -1);
    assert.equal(compareEventTimes(epoch, 'x', '1'), undefined);
  });
});

describe('now, deletes and expiry', () => {
  const at = new Date('2025-01-15T12:00:00.250Z');
  test('now in each format', () => {
    assert.equal(nowEventTime(iso, at), '2025-01-15T12:00:00Z');
    assert.equal(nowEventTime(epoch, at), '1736942400.250');
  });
  test('a delete carries now, or one second after a stored event time that is not in the past', () => {
    assert.equal(eventTimeAfter(iso, '2020-01-01T00:00:00Z', at), '2025-01-15T12:00:00Z');
    assert.equal(eventTimeAfter(iso, '2030-01-01T00:00:00.5Z', at), '2030-01-01T00:00:01.5Z');
    assert.equal(eventTimeAfter(epoch, '1900000000', at), '1900000001');
    assert.equal(eventTimeAfter(iso, undefined, at), '2025-01-15T12:00:00Z');
  });
  test('ExpiresAt = event time + time to live, for both formats', () => {
    assert.equal(expiryOf(iso, '2025-01-15T12:00:00Z', { unit: 'Days', value: 30 }), '2025-02-14T12:00:00Z');
    assert.equal(expiryOf(epoch, '1736942400.5', { unit: 'Hours', value: 1 }), '2025-01-15T13:00:00.5Z');
    assert.equal(expiryOf(iso, 'not a time', { unit: 'Weeks', value: 1 }), undefined);
  });
});

describe('value edges', () => {
  const integral: FeatureDefinition = { name: 'n', type: 'Integral' };
  const fractional: FeatureDefinition = { name: 'x', type: 'Fractional' };
  test('64-bit integers beyond 2^53 are valid and kept as their digits', () => {
    assert.equal(validateFeatureValue(integral, '9223372036854775807'), undefined);
    assert.equal(validateFeatureValue(integral, '-9223372036854775808'), undefined);
    assert.equal(validateFeatureValue(integral, '9007199254740993'), undefined);
  });
  test('NaN and infinities are not Fractional values', () => {
    for (const bad of ['NaN', 'nan', 'Infinity', '-Infinity', '1e999']) assert.ok(validateFeatureValue(fractional, bad), bad);
  });
  test('an empty string is a String value but not a number', () => {
    assert.equal(validateFeatureValue({ name: 's', type: 'String' }, ''), undefined);
    assert.ok(validateFeatureValue(integral, ''));
    assert.ok(validateFeatureValue(fractional, ''));
  });
  test('collections of every kind, and vectors of the wrong length', () => {
    assert.equal(validateFeatureValue({ name: 'l', type: 'Integral', collection: 'List' }, ['9223372036854775807', '1', '1']), undefined);
    assert.equal(validateFeatureValue({ name: 'l', type: 'String', collection: 'List' }, []), undefined);
    assert.match(validateFeatureValue({ name: 's', type: 'Integral', collection: 'Set' }, ['1', '01']) ?? '', /more than once/);
    const vector: FeatureDefinition = { name: 'v', type: 'Fractional', collection: 'Vector', vectorDimension: 3 };
    assert.equal(validateFeatureValue(vector, ['1', '2.5', '-3e2']), undefined);
    assert.match(validateFeatureValue(vector, ['1', '2']) ?? '', /exactly 3 numbers; got 2/);
    assert.match(validateFeatureValue(vector, []) ?? '', /got 0/);
    assert.match(validateFeatureValue(vector, ['1', 'NaN', '3']) ?? '', /Element 2/);
  });
});
