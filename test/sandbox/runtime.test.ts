// Feature Store runtime over the real client: records, subsets, TTL, deletes, batch reads and
// writes, and the value validation that must give ValidationError rather than a crash.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  BatchGetRecordCommand, BatchWriteRecordCommand, DeleteRecordCommand, GetRecordCommand, ListRecordsCommand, PutRecordCommand,
  UpdateRecordCommand, type FeatureValue,
} from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { CreateFeatureGroupCommand } from '@aws-sdk/client-sagemaker';
import { ANALYTICS, authHeader, fgArn, rejectsWith, TestSandbox, type Clients } from './helpers';

let sb: TestSandbox;
let c: Clients;

before(async () => {
  sb = await TestSandbox.start();
  c = sb.clients(ANALYTICS);
});
after(() => sb.stop());
beforeEach(() => sb.reset());

const s = (FeatureName: string, ValueAsString: string): FeatureValue => ({ FeatureName, ValueAsString });
const l = (FeatureName: string, ValueAsStringList: string[]): FeatureValue => ({ FeatureName, ValueAsStringList });
const get = (group: string, id: string, extra: Record<string, unknown> = {}) => c.rt.send(new GetRecordCommand({ FeatureGroupName: group, RecordIdentifierValueAsString: id, ...extra }));
const put = (group: string, record: FeatureValue[], extra: Record<string, unknown> = {}) => c.rt.send(new PutRecordCommand({ FeatureGroupName: group, Record: record, ...extra }));
const profile = (id: string, time: string, extra: FeatureValue[] = []) => [s('customer_id', id), s('event_time', time), ...extra];
const value = (rec: FeatureValue[] | undefined, name: string) => rec?.find((f) => f.FeatureName === name);

describe('GetRecord', () => {
  test('returns the seeded record, a subset, and list values', async () => {
    const full = await get('customer-profile', 'c-1001');
    assert.equal(value(full.Record, 'age')?.ValueAsString, '34');
    assert.deepEqual(value(full.Record, 'preferred_channels')?.ValueAsStringList, ['email', 'app']);
    const subset = await get('customer-profile', 'c-1001', { FeatureNames: ['segment', 'age'] });
    assert.deepEqual(subset.Record?.map((f) => f.FeatureName).sort(), ['age', 'segment']);
  });

  test('a missing record is an empty 200, a missing group a 404 ResourceNotFound', async () => {
    const out = await get('customer-profile', 'nobody');
    assert.equal(out.Record, undefined);
    assert.equal(out.$metadata.httpStatusCode, 200);
    await rejectsWith(get('no-such-group', 'x'), 'ResourceNotFound', 404);
    await rejectsWith(get('customer-profile', 'c-1001', { FeatureNames: ['not_a_feature'] }), 'ValidationError', 400);
  });

  test('record ids with spaces and slashes round-trip, by name and by percent-encoded ARN', async () => {
    await put(fgArn(ANALYTICS, 'customer-profile'), profile('c 1/2', '2026-01-01T00:00:00Z', [s('segment', 'odd')]));
    const out = await get(fgArn(ANALYTICS, 'customer-profile'), 'c 1/2');
    assert.equal(value(out.Record, 'segment')?.ValueAsString, 'odd');
    assert.equal(value((await get('customer-profile', 'c 1/2')).Record, 'customer_id')?.ValueAsString, 'c 1/2');
  });
});

describe('PutRecord', () => {
  test('a newer event time overwrites, an older one is historic and leaves the online record', async () => {
    await put('customer-profile', profile('c-9', '2026-01-02T00:00:00Z', [s('segment', 'new')]));
    await put('customer-profile', profile('c-9', '2026-01-01T00:00:00.123Z', [s('segment', 'old')]));
    assert.equal(value((await get('customer-profile', 'c-9')).Record, 'segment')?.ValueAsString, 'new');
    await put('customer-profile', profile('c-9', '2026-01-03T00:00:00.123456789Z', [s('segment', 'newest')]));
    const out = await get('customer-profile', 'c-9');
    assert.equal(value(out.Record, 'segment')?.ValueAsString, 'newest');
    assert.equal(value(out.Record, 'age'), undefined, 'a put is a full overwrite');
  });

  test('vectors, sets and Fractional event times', async () => {
    await put('product-catalog', [s('product_id', 'p-9'), s('event_time', '2026-02-01T10:00:00Z'), l('tags', ['a', 'b']), l('embedding', ['1', '2.5', '-3e-2', '0'])]);
    assert.deepEqual(value((await get('product-catalog', 'p-9')).Record, 'embedding')?.ValueAsStringList, ['1', '2.5', '-3e-2', '0']);
    await put('transactions', [s('transaction_id', 't-1'), s('event_time', String(Date.now() / 1000)), s('amount', '-12.5'), s('is_fraud', '-9223372036854775808')]);
    assert.equal(value((await get('transactions', 't-1')).Record, 'amount')?.ValueAsString, '-12.5');
  });

  const invalid: [string, string, FeatureValue[]][] = [
    ['a non-integer Integral', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('age', '3.5')])],
    ['an Integral beyond 64 bits', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('age', '9223372036854775808')])],
    ['a non-number Fractional', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('lifetime_value', 'lots')])],
    ['a scalar for a List', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('preferred_channels', 'email')])],
    ['a list for a scalar', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [l('segment', ['a'])])],
    ['a Set with duplicates', 'product-catalog', [s('product_id', 'x'), s('event_time', '2026-01-01T00:00:00Z'), l('tags', ['a', 'a'])]],
    ['a Vector of the wrong dimension', 'product-catalog', [s('product_id', 'x'), s('event_time', '2026-01-01T00:00:00Z'), l('embedding', ['1', '2'])]],
    ['a Vector with a non-number', 'product-catalog', [s('product_id', 'x'), s('event_time', '2026-01-01T00:00:00Z'), l('embedding', ['1', '2', '3', 'x'])]],
    ['an unknown feature', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('shoe_size', '42')])],
    ['a reserved feature name', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('is_deleted', 'true')])],
    ['a duplicate feature', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('age', '1'), s('age', '2')])],
    ['a missing record identifier', 'customer-profile', [s('event_time', '2026-01-01T00:00:00Z')]],
    ['a missing event time', 'customer-profile', [s('customer_id', 'x')]],
    ['an event time without zone', 'customer-profile', profile('x', '2026-01-01T00:00:00')],
    ['an impossible date', 'customer-profile', profile('x', '2026-02-30T00:00:00Z')],
    ['a date-only event time', 'customer-profile', profile('x', '2026-01-01')],
    ['a non-numeric Fractional event time', 'transactions', [s('transaction_id', 'x'), s('event_time', '2026-01-01T00:00:00Z')]],
    ['a record over 350 KB', 'customer-profile', profile('x', '2026-01-01T00:00:00Z', [s('segment', 'x'.repeat(350 * 1024))])],
  ];
  for (const [what, group, record] of invalid) {
    test(`refuses ${what} with ValidationError`, async () => {
      await rejectsWith(put(group, record), 'ValidationError', 400);
    });
  }

  test('refuses an empty record and bad TTL units', async () => {
    await rejectsWith(put('customer-profile', []), 'ValidationError', 400);
    await rejectsWith(put('customer-profile', profile('x', '2026-01-01T00:00:00Z'), { TtlDuration: { Unit: 'Fortnights', Value: 1 } }), 'ValidationError', 400);
    await rejectsWith(put('customer-profile', profile('x', '2026-01-01T00:00:00Z'), { TargetStores: ['OfflineStore'] }), 'ValidationError', 400);
  });

  test('malformed and oversized bodies get ValidationError, not a crash', async () => {
    const url = `${sb.url}/FeatureGroup/customer-profile`;
    const headers = { 'content-type': 'application/json', authorization: authHeader(ANALYTICS) };
    const bad = await fetch(url, { method: 'PUT', headers, body: '{"Record": [' });
    assert.deepEqual([bad.status, ((await bad.json()) as { __type: string }).__type], [400, 'ValidationError']);
    const huge = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ Record: [{ FeatureName: 'segment', ValueAsString: 'x'.repeat(5 * 1024 * 1024) }] }) });
    assert.deepEqual([huge.status, ((await huge.json()) as { __type: string }).__type], [400, 'ValidationError']);
    const wrongShape = await fetch(url, { method: 'PUT', headers, body: '{"Record": "nope"}' });
    assert.equal(wrongShape.status, 400);
  });
});

describe('TTL', () => {
  test('group TTL sets ExpiresAt; the record disappears once the clock passes it', async () => {
    const eventTime = Math.floor(Date.now() / 1000);
    await put('transactions', [s('transaction_id', 't-ttl'), s('event_time', String(eventTime))]);
    const out = await get('transactions', 't-ttl', { ExpirationTimeResponse: 'Enabled' });
    assert.equal(out.ExpiresAt, new Date((eventTime + 30 * 86400) * 1000).toISOString());
    assert.equal((await get('transactions', 't-ttl')).ExpiresAt, undefined, 'ExpiresAt only when asked');
    await sb.advanceClock(31 * 86400);
    assert.equal((await get('transactions', 't-ttl')).Record, undefined);
  });

  test('a record TTL overrides the group default', async () => {
    await put('customer-profile', profile('c-ttl', new Date(Date.now()).toISOString().replace(/\.\d+Z$/, 'Z')), { TtlDuration: { Unit: 'Minutes', Value: 5 } });
    assert.ok((await get('customer-profile', 'c-ttl', { ExpirationTimeResponse: 'Enabled' })).ExpiresAt);
    await sb.advanceClock(6 * 60);
    assert.equal((await get('customer-profile', 'c-ttl')).Record, undefined);
  });
});

describe('DeleteRecord', () => {
  const del = (id: string, EventTime: string, DeletionMode?: 'SoftDelete' | 'HardDelete') => c.rt.send(new DeleteRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: id, EventTime, DeletionMode }));

  test('soft delete hides the record; an older put stays historic, a newer one revives it', async () => {
    await put('customer-profile', profile('d-1', '2026-01-01T00:00:00Z'));
    await del('d-1', '2026-01-02T00:00:00Z');
    assert.equal((await get('customer-profile', 'd-1')).Record, undefined);
    await put('customer-profile', profile('d-1', '2026-01-01T12:00:00Z'));
    assert.equal((await get('customer-profile', 'd-1')).Record, undefined);
    await put('customer-profile', profile('d-1', '2026-01-03T00:00:00Z'));
    assert.ok((await get('customer-profile', 'd-1')).Record);
  });

  test('an older soft delete keeps the record; an older hard delete is a ValidationError', async () => {
    await put('customer-profile', profile('d-2', '2026-01-05T00:00:00Z'));
    await del('d-2', '2026-01-01T00:00:00Z');
    assert.ok((await get('customer-profile', 'd-2')).Record);
    await rejectsWith(del('d-2', '2026-01-01T00:00:00Z', 'HardDelete'), 'ValidationError', 400);
    await del('d-2', '2026-01-06T00:00:00Z', 'HardDelete');
    assert.equal((await get('customer-profile', 'd-2')).Record, undefined);
    await rejectsWith(del('d-2', 'yesterday'), 'ValidationError', 400);
  });
});

describe('batch operations', () => {
  test('BatchGetRecord mixes groups, skips missing records, reports unknown groups', async () => {
    const out = await c.rt.send(new BatchGetRecordCommand({
      Identifiers: [
        { FeatureGroupName: 'customer-profile', RecordIdentifiersValueAsString: ['c-1001', 'c-1002', 'nobody'], FeatureNames: ['segment'] },
        { FeatureGroupName: fgArn(ANALYTICS, 'product-catalog'), RecordIdentifiersValueAsString: ['p-1'] },
        { FeatureGroupName: 'no-such-group', RecordIdentifiersValueAsString: ['x'] },
      ],
      ExpirationTimeResponse: 'Enabled',
    }));
    assert.deepEqual(out.Records?.map((r) => [r.FeatureGroupName, r.RecordIdentifierValueAsString]), [
      ['customer-profile', 'c-1001'], ['customer-profile', 'c-1002'], [fgArn(ANALYTICS, 'product-catalog'), 'p-1'],
    ]);
    assert.deepEqual(out.Records?.[0].Record, [{ FeatureName: 'segment', ValueAsString: 'loyal' }]);
    assert.deepEqual(out.Errors?.map((e) => [e.FeatureGroupName, e.ErrorCode]), [['no-such-group', 'ResourceNotFound']]);
    assert.deepEqual(out.UnprocessedIdentifiers, []);
    const tooMany = Array.from({ length: 101 }, (_, i) => `c-${i}`);
    await rejectsWith(c.rt.send(new BatchGetRecordCommand({ Identifiers: [{ FeatureGroupName: 'customer-profile', RecordIdentifiersValueAsString: tooMany }] })), 'ValidationError', 400);
  });

  test('BatchWriteRecord writes valid entries and reports invalid ones', async () => {
    const out = await c.rt.send(new BatchWriteRecordCommand({
      Entries: [
        { FeatureGroupName: 'customer-profile', Record: profile('b-1', '2026-01-01T00:00:00Z') },
        { FeatureGroupName: 'customer-profile', Record: profile('b-2', 'not a time') },
      ],
    }));
    assert.deepEqual(out.Errors?.map((e) => e.ErrorCode), ['ValidationError']);
    assert.ok((await get('customer-profile', 'b-1')).Record);
  });

  test('ListRecords pages through record identifiers', async () => {
    await c.sm.send(new CreateFeatureGroupCommand({
      FeatureGroupName: 'many', RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts',
      FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }],
      OnlineStoreConfig: { EnableOnlineStore: true },
    }));
    for (let i = 0; i < 5; i++) await put('many', [s('id', `r-${i}`), s('ts', '1700000000')]);
    const first = await c.rt.send(new ListRecordsCommand({ FeatureGroupName: 'many', MaxResults: 3 }));
    const second = await c.rt.send(new ListRecordsCommand({ FeatureGroupName: 'many', MaxResults: 3, NextToken: first.NextToken }));
    assert.deepEqual([...first.RecordIdentifiers!, ...second.RecordIdentifiers!], ['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
    assert.equal(second.NextToken, undefined);
  });

  test('UpdateRecord replaces the given features and keeps the others', async () => {
    await c.rt.send(new UpdateRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1002', Features: [s('segment', 'loyal')] }));
    const out = await get('customer-profile', 'c-1002');
    assert.equal(value(out.Record, 'segment')?.ValueAsString, 'loyal');
    assert.equal(value(out.Record, 'age')?.ValueAsString, '27');
    await rejectsWith(c.rt.send(new UpdateRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'nobody', Features: [s('segment', 'x')] })), 'ResourceNotFound', 404);
    await rejectsWith(c.rt.send(new UpdateRecordCommand({ FeatureGroupName: 'customer-profile', RecordIdentifierValueAsString: 'c-1002', Features: [s('age', 'old')] })), 'ValidationError', 400);
  });
});
