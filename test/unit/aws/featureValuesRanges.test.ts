// The ranges a write must stay within before it is sent: event times in years 0000–9999 (both
// formats), TtlDuration.Value a 32-bit integer, an expiry no later than 9999-12-31, Fractionals
// finite. And the formatting behind previews, which must answer for any instant, never throw.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClientPool } from '../../../src/aws/clients';
import { eventTimeAfter, expiryOf, expiryProblem, formatEventTime, validateFeatureValue, validateRecord } from '../../../src/aws/featureValues';
import type { AccountContext, FeatureDefinition, FeatureGroupDetail } from '../../../src/aws/model';
import { RecordService, RecordValidationError, validateTtl, validateWrite } from '../../../src/aws/records';

const iso: FeatureDefinition = { name: 'event_time', type: 'String' };
const epoch: FeatureDefinition = { name: 'event_time', type: 'Fractional' };

const transactions: FeatureGroupDetail = {
  name: 'transactions',
  arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/transactions',
  ownerAccountId: '111111111111',
  region: 'us-east-1',
  access: 'owner',
  recordIdentifierFeatureName: 'transaction_id',
  eventTimeFeatureName: 'event_time',
  features: [{ name: 'transaction_id', type: 'String' }, epoch, { name: 'amount', type: 'Fractional' }],
  onlineStoreEnabled: true,
  offlineStoreEnabled: true,
  defaultTtl: { unit: 'Days', value: 30 },
};

describe('event time range', () => {
  test('Fractional event times outside years 0000–9999 are refused, naming the range', () => {
    for (const bad of ['1e20', '1e308', '-1e15', '253402300800', '-62167219200.5', '-62167219201']) {
      const problems = validateRecord(transactions, { transaction_id: 't-1', event_time: bad });
      assert.equal(problems.length, 1, bad);
      assert.equal(problems[0].feature, 'event_time');
      assert.match(problems[0].message, /outside the event time range.*0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z/, bad);
    }
  });
  test('the first and last instants are inside, to the nanosecond', () => {
    for (const good of ['-62167219200', '253402300799.999999999', '2.53402300799e11', '0', '-1.5', '1736942400.25']) {
      assert.equal(validateFeatureValue(epoch, good, 'eventTime'), undefined, good);
    }
    assert.ok(validateFeatureValue(epoch, '253402300799.9999999991', 'eventTime') === undefined, 'past the ninth decimal is truncated, as the service reads it');
    assert.equal(validateFeatureValue(iso, '9999-12-31T23:59:59.999999999Z', 'eventTime'), undefined);
    assert.equal(validateFeatureValue(iso, '0000-01-01T00:00:00Z', 'eventTime'), undefined);
  });
  test('Fractional values that are not finite doubles are refused, event time or not', () => {
    assert.match(validateFeatureValue({ name: 'amount', type: 'Fractional' }, '1e400') ?? '', /finite/);
    assert.match(validateFeatureValue({ name: 'amount', type: 'Fractional' }, '-1e400') ?? '', /finite/);
    assert.match(validateFeatureValue(epoch, '1e400', 'eventTime') ?? '', /finite/);
    assert.equal(validateFeatureValue({ name: 'amount', type: 'Fractional' }, '1e308'), undefined, 'a large finite value is fine outside the event time');
  });
});

describe('time to live', () => {
  test('Value is a 32-bit integer ≥ 1', () => {
    assert.deepEqual(validateTtl({ unit: 'Weeks', value: 2_147_483_647 }), []);
    const [problem] = validateTtl({ unit: 'Seconds', value: 2_147_483_648 });
    assert.equal(problem.feature, 'TtlDuration');
    assert.match(problem.message, /at most 2147483647 seconds/);
    assert.equal(validateTtl({ unit: 'Days', value: Number.MAX_SAFE_INTEGER }).length, 1);
    assert.equal(validateTtl({ unit: 'Days', value: 0 }).length, 1);
  });
  test('an expiry after 9999-12-31 is a problem of the record TTL, or of the event time under the group TTL', () => {
    const now = { transaction_id: 't-1', event_time: '1736942400' };
    const own = validateWrite(transactions, now, { unit: 'Weeks', value: 20_000_000 });
    assert.deepEqual(own.map((p) => p.feature), ['TtlDuration']);
    assert.match(own[0].message, /expires at \+385\d{3}-.*after 9999-12-31T23:59:59.999999999Z.*shorter time to live/);
    const group = { ...transactions, defaultTtl: { unit: 'Weeks' as const, value: 2_000_000_000 } };
    const viaGroup = validateWrite(group, now, undefined);
    assert.deepEqual(viaGroup.map((p) => p.feature), ['event_time']);
    assert.match(viaGroup[0].message, /group's default/);
    assert.deepEqual(validateWrite(group, now, { unit: 'Days', value: 1 }), [], 'the record TTL overrides the group one');
    assert.deepEqual(validateWrite(transactions, now, undefined), []);
    assert.equal(validateWrite(transactions, { transaction_id: 't-1', event_time: '253402300799' }, undefined).length, 1, '30 days after the last second of 9999');
  });
  test('the expiry check stays quiet when the event time or TTL has its own problem', () => {
    assert.equal(expiryProblem(epoch, '1e20', { unit: 'Days', value: 1 }), undefined);
    assert.deepEqual(validateWrite(transactions, { transaction_id: 't-1', event_time: '1e20' }, { unit: 'Weeks', value: 20_000_000 }).map((p) => p.feature), ['event_time']);
  });
  test('RecordService.put refuses before sending anything', async () => {
    const context: AccountContext = { profile: { name: 'p', kind: 'static', region: 'us-east-1', endpoints: { featurestoreRuntime: 'http://127.0.0.1:9' } }, region: 'us-east-1' };
    const records = new RecordService(new ClientPool({ requestTimeoutMs: 1000, maxAttempts: 1 }));
    await assert.rejects(records.put(context, transactions, { transaction_id: 't-1', event_time: '1e20' }), (err: unknown) => err instanceof RecordValidationError && err.problems[0].feature === 'event_time');
    await assert.rejects(records.put(context, transactions, { transaction_id: 't-1', event_time: '1736942400' }, { ttl: { unit: 'Weeks', value: 20_000_000 } }), RecordValidationError);
  });
});

describe('formatting any instant', () => {
  test('expiries far beyond year 9999 are shown, not thrown', () => {
    // Checked with Python: 102893 Gregorian 400-year cycles plus date(2025, 1, 15) + remaining days.
    assert.equal(expiryOf(iso, '2025-01-15T12:00:00Z', { unit: 'Weeks', value: 2_147_483_647 }), '+41159298-09-17T12:00:00Z');
    assert.equal(formatEventTime(iso, 253_402_300_800n * 1_000_000_000n), '+010000-01-01T00:00:00Z');
    assert.equal(formatEventTime(iso, -62_167_219_201n * 1_000_000_000n), '-000001-12-31T23:59:59Z');
    assert.equal(formatEventTime(iso, 10n ** 30n).startsWith('+'), true);
  });
  test('known instants match Date, across centuries and leap days', () => {
    for (const ms of [0, 951_782_400_000, -2_203_891_200_000, 4_107_542_399_999, -62_135_596_800_000, 253_402_300_799_000]) {
      assert.equal(formatEventTime(iso, BigInt(ms) * 1_000_000n), new Date(ms).toISOString().replace(/\.000Z$/, 'Z').replace(/\.(\d*?)0*Z$/, '.$1Z'), String(ms));
    }
  });
  test('a delete after the last possible event time carries that last instant', () => {
    const at = new Date('2025-01-15T12:00:00Z');
    assert.equal(eventTimeAfter(iso, '9999-12-31T23:59:59.5Z', at), '9999-12-31T23:59:59.999999999Z');
    assert.equal(eventTimeAfter(epoch, '253402300799', at), '253402300799.999999999');
  });
});
