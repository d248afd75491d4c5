import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasValue, nowEventTime, validateEventTime, validateFeatureValue, validateRecord } from '../../../src/aws/featureValues';
import type { FeatureDefinition, FeatureGroupDetail } from '../../../src/aws/model';

const integral: FeatureDefinition = { name: 'n', type: 'Integral' };
const fractional: FeatureDefinition = { name: 'f', type: 'Fractional' };
const text: FeatureDefinition = { name: 's', type: 'String' };

describe('Integral values', () => {
  for (const ok of ['0', '42', '-7', '007', '9223372036854775807', '-9223372036854775808']) {
    test(`accepts ${ok}`, () => assert.equal(validateFeatureValue(integral, ok), undefined));
  }
  test('refuses 9223372036854775808 (one past the signed 64-bit maximum)', () => {
    assert.match(validateFeatureValue(integral, '9223372036854775808') ?? '', /64-bit/);
  });
  test('refuses -9223372036854775809', () => {
    assert.match(validateFeatureValue(integral, '-9223372036854775809') ?? '', /64-bit/);
  });
  for (const bad of ['', '1.5', '1e3', '+5', ' 5', '5 ', 'abc', '--1', 'NaN', '0x10']) {
    test(`refuses ${JSON.stringify(bad)}`, () => assert.match(validateFeatureValue(integral, bad) ?? '', /whole number/));
  }
});

describe('Fractional values', () => {
  for (const ok of ['0', '-1.5', '3.', '.5', '+2.25', '1e-3', '6.02E23', '123456789012345678901234567890']) {
    test(`accepts ${ok}`, () => assert.equal(validateFeatureValue(fractional, ok), undefined));
  }
  for (const bad of ['', 'NaN', 'Infinity', '-Infinity', 'abc', '1,5', ' 1', '1.2.3', '.', 'e5']) {
    test(`refuses ${JSON.stringify(bad)}`, () => assert.match(validateFeatureValue(fractional, bad) ?? '', /not a decimal number/));
  }
  test('refuses a number that overflows to Infinity', () => {
    assert.match(validateFeatureValue(fractional, '1e400') ?? '', /finite/);
  });
});

describe('String values and shape mismatches', () => {
  test('any string is a String value, the empty one included', () => {
    assert.equal(validateFeatureValue(text, ''), undefined);
    assert.equal(validateFeatureValue(text, '  ünïcødé \n'), undefined);
  });
  test('a list for a scalar feature is refused', () => {
    assert.match(validateFeatureValue(text, ['a']) ?? '', /single String value/);
  });
  test('a single value for a collection is refused', () => {
    assert.match(validateFeatureValue({ name: 'l', type: 'String', collection: 'List' }, 'a') ?? '', /List of String/);
  });
});

describe('collections', () => {
  const intList: FeatureDefinition = { name: 'l', type: 'Integral', collection: 'List' };
  const fracSet: FeatureDefinition = { name: 's', type: 'Fractional', collection: 'Set' };
  const strSet: FeatureDefinition = { name: 't', type: 'String', collection: 'Set' };
  const vector: FeatureDefinition = { name: 'v', type: 'Fractional', collection: 'Vector', vectorDimension: 4 };

  test('a List keeps duplicates and checks every element by type', () => {
    assert.equal(validateFeatureValue(intList, ['1', '1', '-3']), undefined);
    assert.match(validateFeatureValue(intList, ['1', 'x']) ?? '', /^Element 2: "x" is not a whole number/);
  });
  test('a List element beyond 64 bits is refused', () => {
    assert.match(validateFeatureValue(intList, ['9223372036854775808']) ?? '', /Element 1: .*64-bit/);
  });
  test('a Set refuses duplicates, compared by value', () => {
    assert.equal(validateFeatureValue(strSet, ['a', 'b', 'A']), undefined);
    assert.match(validateFeatureValue(strSet, ['a', 'b', 'a']) ?? '', /more than once/);
    assert.match(validateFeatureValue(fracSet, ['1', '1.0']) ?? '', /"1.0" appears more than once/);
  });
  test('a Vector needs exactly its dimension of numbers', () => {
    assert.equal(validateFeatureValue(vector, ['0.1', '-0.2', '3', '4e-2']), undefined);
    assert.match(validateFeatureValue(vector, ['0.1', '0.2', '0.3']) ?? '', /exactly 4 numbers; got 3/);
    assert.match(validateFeatureValue(vector, ['0.1', '0.2', '0.3', '0.4', '0.5']) ?? '', /got 5/);
  });
  test('Vector elements must be Fractional', () => {
    assert.match(validateFeatureValue(vector, ['0.1', 'x', '0.3', '0.4']) ?? '', /Element 2/);
    assert.match(validateFeatureValue(vector, ['0.1', 'NaN', '0.3', '0.4']) ?? '', /Element 2/);
  });
});

describe('event time', () => {
  const isoTime: FeatureDefinition = { name: 'event_time', type: 'String' };
  const epochTime: FeatureDefinition = { name: 'event_time', type: 'Fractional' };
  for (const ok of ['2025-01-15T12:00:00Z', '2025-01-15T12:00:00.123Z', '2025-01-15T12:00:00.1Z', '2025-01-15T12:00:00.123456789Z', '2024-02-29T23:59:59Z']) {
    test(`String event time accepts ${ok}`, () => assert.equal(validateEventTime(isoTime, ok), undefined));
  }
  for (const bad of ['2025-01-15', '2025-01-15T12:00:00', '2025-01-15 12:00:00Z', '2025-01-15T12:00:00+01:00', '2025-01-15T12:00:00.1234567890Z', '2025-01-15T12:00Z', '1736942400']) {
    test(`String event time refuses ${bad}`, () => assert.match(validateEventTime(isoTime, bad) ?? '', /not an event time/));
  }
  for (const impossible of ['2025-02-29T00:00:00Z', '2025-13-01T00:00:00Z', '2025-04-31T00:00:00Z', '2025-01-01T24:00:00Z', '2025-01-01T00:60:00Z']) {
    test(`String event time refuses the impossible ${impossible}`, () => assert.match(validateEventTime(isoTime, impossible) ?? '', /real date/));
  }
  test('Fractional event time takes epoch seconds, not ISO text', () => {
    assert.equal(validateEventTime(epochTime, '1736942400'), undefined);
    assert.equal(validateEventTime(epochTime, '1736942400.25'), undefined);
    assert.match(validateEventTime(epochTime, '2025-01-15T12:00:00Z') ?? '', /epoch seconds/);
    assert.match(validateEventTime(epochTime, 'NaN') ?? '', /epoch seconds/);
  });
  test('validateFeatureValue with the eventTime role applies the event-time rules', () => {
    assert.match(validateFeatureValue(isoTime, 'yesterday', 'eventTime') ?? '', /not an event time/);
    assert.equal(validateFeatureValue(isoTime, 'yesterday'), undefined);
  });
  test('nowEventTime produces a value that passes validation, in each format', () => {
    const at = new Date('2025-03-04T05:06:07.891Z');
    assert.equal(nowEventTime(isoTime, at), '2025-03-04T05:06:07Z');
    assert.equal(nowEventTime(epochTime, at), '1741064767.891');
    assert.equal(validateEventTime(isoTime, nowEventTime(isoTime)), undefined);
    assert.equal(validateEventTime(epochTime, nowEventTime(epochTime)), undefined);
  });
});

describe('whole records', () => {
  const group: FeatureGroupDetail = {
    name: 'product-catalog',
    arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/product-catalog',
    ownerAccountId: '111111111111',
    region: 'us-east-1',
    access: 'owner',
    recordIdentifierFeatureName: 'product_id',
    eventTimeFeatureName: 'event_time',
    features: [
      { name: 'product_id', type: 'String' },
      { name: 'event_time', type: 'String' },
      { name: 'price', type: 'Fractional' },
      { name: 'stock', type: 'Integral' },
      { name: 'tags', type: 'String', collection: 'Set' },
      { name: 'embedding', type: 'Fractional', collection: 'Vector', vectorDimension: 4 },
    ],
    onlineStoreEnabled: true,
    offlineStoreEnabled: false,
  };

  test('a valid record has no problems, optional features may be left empty', () => {
    assert.deepEqual(validateRecord(group, { product_id: 'p-9', event_time: '2025-01-15T12:00:00Z', price: '9.99', stock: '', tags: [] }), []);
  });
  test('record identifier and event time are required', () => {
    const problems = validateRecord(group, { price: '1' });
    assert.deepEqual(problems.map((p) => p.feature).sort(), ['event_time', 'product_id']);
  });
  test('a blank record identifier is refused', () => {
    const problems = validateRecord(group, { product_id: '   ', event_time: '2025-01-15T12:00:00Z' });
    assert.deepEqual(problems.map((p) => p.feature), ['product_id']);
  });
  test('unknown features are refused by name', () => {
    const problems = validateRecord(group, { product_id: 'p', event_time: '2025-01-15T12:00:00Z', colour: 'red' });
    assert.deepEqual(problems, [{ feature: 'colour', message: 'The group product-catalog has no feature "colour".' }]);
  });
  test('every bad feature is reported, not only the first', () => {
    const problems = validateRecord(group, { product_id: 'p', event_time: 'now', price: 'cheap', stock: '1.5', tags: ['a', 'a'], embedding: ['1'] });
    assert.deepEqual(problems.map((p) => p.feature), ['event_time', 'price', 'stock', 'tags', 'embedding']);
  });
  test('hasValue treats empty strings and lists as absent', () => {
    assert.equal(hasValue(''), false);
    assert.equal(hasValue([]), false);
    assert.equal(hasValue(undefined), false);
    assert.equal(hasValue('0'), true);
    assert.equal(hasValue(['']), true);
  });
});
