// Values at and beyond the edges Feature Store accepts: event times outside years 0000–9999, TTLs
// beyond 32 bits or expiring after year 9999, non-finite Fractionals. Such writes are refused with
// 400 ValidationError; reads never answer 500 because of what is stored, even from an old state file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { CreateFeatureGroupCommand, SearchCommand, UpdateFeatureGroupCommand } from '@aws-sdk/client-sagemaker';
import { BatchGetRecordCommand, DeleteRecordCommand, GetRecordCommand, PutRecordCommand, type FeatureValue } from '@aws-sdk/client-sagemaker-featurestore-runtime';
import { ANALYTICS, authHeader, rejectsWith, TestSandbox, type Clients } from './helpers';

let sb: TestSandbox;
let c: Clients;

before(async () => {
  sb = await TestSandbox.start();
  c = sb.clients(ANALYTICS);
});
after(() => sb.stop());
beforeEach(() => sb.reset());

const s = (FeatureName: string, ValueAsString: string): FeatureValue => ({ FeatureName, ValueAsString });
const put = (group: string, record: FeatureValue[], extra: Record<string, unknown> = {}) => c.rt.send(new PutRecordCommand({ FeatureGroupName: group, Record: record, ...extra }));
const get = (group: string, id: string) => c.rt.send(new GetRecordCommand({ FeatureGroupName: group, RecordIdentifierValueAsString: id, ExpirationTimeResponse: 'Enabled' }));
const batchGet = (group: string, ids: string[]) => c.rt.send(new BatchGetRecordCommand({ Identifiers: [{ FeatureGroupName: group, RecordIdentifiersValueAsString: ids }], ExpirationTimeResponse: 'Enabled' }));
const profile = (id: string, time: string) => [s('customer_id', id), s('event_time', time)];
const txn = (id: string, time: string, extra: FeatureValue[] = []) => [s('transaction_id', id), s('event_time', time), ...extra];
const eventTimeOf = (rec: FeatureValue[] | undefined) => rec?.find((f) => f.FeatureName === 'event_time')?.ValueAsString;

describe('event time range (years 0000–9999)', () => {
  for (const bad of ['1e20', '1e400', '-1e15', '253402300800', '-62167219201']) {
    test(`a Fractional event time of ${bad} is refused, and the record id stays writable`, async () => {
      const err = await rejectsWith(put('transactions', txn('t-range', bad)), 'ValidationError', 400);
      assert.match(err.message, /0000-01-01T00:00:00Z and 9999-12-31T23:59:59.999999999Z/);
      // Nothing was stored, so a normal write is not mistaken for a historic one.
      const now = String(Math.floor(Date.now() / 1000));
      await put('transactions', txn('t-range', now));
      const out = await get('transactions', 't-range');
      assert.equal(eventTimeOf(out.Record), now);
      assert.ok(out.ExpiresAt);
    });
  }

  test('the first and last instants of the range are accepted, in both formats', async () => {
    await c.sm.send(new CreateFeatureGroupCommand({
      FeatureGroupName: 'epoch', RecordIdentifierFeatureName: 'id', EventTimeFeatureName: 'ts',
      FeatureDefinitions: [{ FeatureName: 'id', FeatureType: 'String' }, { FeatureName: 'ts', FeatureType: 'Fractional' }],
      OnlineStoreConfig: { EnableOnlineStore: true },
    }));
    await put('epoch', [s('id', 'first'), s('ts', '-62167219200')]);
    await put('epoch', [s('id', 'last'), s('ts', '253402300799.999')]);
    // transactions has a 30-day TTL: that last instant would expire in year 10000.
    await rejectsWith(put('transactions', txn('t-last', '253402300799.999')), 'ValidationError', 400);
    await put('customer-profile', profile('c-first', '0000-01-01T00:00:00Z'));
    await put('customer-profile', profile('c-last', '9999-12-31T23:59:59.999999999Z'));
    assert.equal(eventTimeOf((await get('customer-profile', 'c-last')).Record), '9999-12-31T23:59:59.999999999Z');
    assert.equal(eventTimeOf((await get('customer-profile', 'c-first')).Record), '0000-01-01T00:00:00Z');
  });

  test('years 0000–0099 are not read as 1900–1999', async () => {
    await put('customer-profile', profile('c-old', '0050-01-01T00:00:00Z'));
    await put('customer-profile', profile('c-old', '1940-01-01T00:00:00Z'));
    assert.equal(eventTimeOf((await get('customer-profile', 'c-old')).Record), '1940-01-01T00:00:00Z', '1940 is newer than year 50');
    await put('customer-profile', profile('c-leap', '0000-02-29T00:00:00Z'));
    await rejectsWith(put('customer-profile', profile('c-leap', '0100-02-29T00:00:00Z')), 'ValidationError', 400);
  });

  test('a DeleteRecord event time outside the range is refused, so it cannot lock the record either', async () => {
    for (const EventTime of ['1e400', '1e20']) {
      await rejectsWith(c.rt.send(new DeleteRecordCommand({ FeatureGroupName: 'transactions', RecordIdentifierValueAsString: 't-5001', EventTime })), 'ValidationError', 400);
    }
    const now = String(Math.floor(Date.now() / 1000) + 60);
    await put('transactions', txn('t-5001', now));
    assert.equal(eventTimeOf((await get('transactions', 't-5001')).Record), now);
  });

  test('months 00 and 13 are refused (they used to roll over into a neighbouring year)', async () => {
    await rejectsWith(put('customer-profile', profile('c-m', '2026-13-01T00:00:00Z')), 'ValidationError', 400);
    await rejectsWith(put('customer-profile', profile('c-m', '2026-00-01T00:00:00Z')), 'ValidationError', 400);
  });
});

describe('TtlDuration', () => {
  test('an expiry after year 9999 is refused, whoever sets the TTL; reads keep working', async () => {
    const err = await rejectsWith(put('customer-profile', profile('c-ttl', '2026-01-01T00:00:00Z'), { TtlDuration: { Unit: 'Weeks', Value: 20_000_000 } }), 'ValidationError', 400);
    assert.match(err.message, /expire after 9999-12-31T23:59:59.999999999Z/);
    assert.equal((await get('customer-profile', 'c-ttl')).Record, undefined);
    assert.equal((await batchGet('customer-profile', ['c-ttl', 'c-1001'])).Records?.length, 1);
  });

  test('Value is a 32-bit integer: 2147483647 is the largest accepted', async () => {
    const err = await rejectsWith(put('customer-profile', profile('c-ttl', '2026-01-01T00:00:00Z'), { TtlDuration: { Unit: 'Seconds', Value: 2_147_483_648 } }), 'ValidationError', 400);
    assert.match(err.message, /less than or equal to 2147483647/);
    await put('customer-profile', profile('c-ttl', '2026-01-01T00:00:00Z'), { TtlDuration: { Unit: 'Seconds', Value: 2_147_483_647 } });
    assert.equal((await get('customer-profile', 'c-ttl')).ExpiresAt, '2094-01-19T03:14:07.000Z');
    await rejectsWith(c.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'transactions', OnlineStoreConfig: { TtlDuration: { Unit: 'Weeks', Value: 2_147_483_648 } } })), 'ValidationException', 400);
  });

  test('a group TTL reaching past year 9999 makes writes refused, not reads fail', async () => {
    await c.sm.send(new UpdateFeatureGroupCommand({ FeatureGroupName: 'transactions', OnlineStoreConfig: { TtlDuration: { Unit: 'Weeks', Value: 2_000_000_000 } } }));
    const err = await rejectsWith(put('transactions', txn('t-5001', String(Math.floor(Date.now() / 1000)))), 'ValidationError', 400);
    assert.match(err.message, /default TtlDuration of feature group transactions/);
    // A record-level TTL still lets the write through.
    await put('transactions', txn('t-5001', String(Math.floor(Date.now() / 1000))), { TtlDuration: { Unit: 'Days', Value: 1 } });
    assert.ok((await get('transactions', 't-5001')).ExpiresAt);
    const batch = await batchGet('transactions', ['t-5001', 't-5002']);
    assert.equal(batch.Records?.length, 2);
  });
});

describe('Fractional values', () => {
  test('a value that is not a finite double (1e400) is refused; 1e308 is kept as written', async () => {
    const now = String(Math.floor(Date.now() / 1000));
    const err = await rejectsWith(put('transactions', txn('t-big', now, [s('amount', '1e400')])), 'ValidationError', 400);
    assert.match(err.message, /amount/);
    await rejectsWith(put('product-catalog', [s('product_id', 'p-9'), s('event_time', '2026-01-01T00:00:00Z'), { FeatureName: 'embedding', ValueAsStringList: ['1', '2', '3', '-1e400'] }]), 'ValidationError', 400);
    await put('transactions', txn('t-big', now, [s('amount', '1e308')]));
    assert.equal((await get('transactions', 't-big')).Record?.find((f) => f.FeatureName === 'amount')?.ValueAsString, '1e308');
  });
});

describe('stored data never makes a read fail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-ranges-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('expiries and event times no write could store now (an older state file) are read without a 500', async () => {
    const statePath = join(dir, 'state.json');
    writeFileSync(statePath, JSON.stringify(await sb.control('GET', 'state')));
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as { records: Record<string, Record<string, { expiresAt?: unknown; eventTime?: unknown }>> };
    const txns = Object.entries(state.records).find(([arn]) => arn.endsWith('/transactions'))![1];
    Object.assign(txns['t-5001'], { expiresAt: 1e23 });
    Object.assign(txns['t-5002'], { expiresAt: 'soon', eventTime: null });
    Object.assign(txns['t-5003'], { expiresAt: null });
    writeFileSync(statePath, JSON.stringify(state));
    const old = await TestSandbox.start({ statePath, seed: 'empty' });
    try {
      const rt = old.clients(ANALYTICS).rt;
      const one = await rt.send(new GetRecordCommand({ FeatureGroupName: 'transactions', RecordIdentifierValueAsString: 't-5001', ExpirationTimeResponse: 'Enabled' }));
      assert.ok(one.Record, 'the record is served');
      assert.equal(one.ExpiresAt, undefined, 'an expiry Date cannot show is left out');
      const batch = await rt.send(new BatchGetRecordCommand({ Identifiers: [{ FeatureGroupName: 'transactions', RecordIdentifiersValueAsString: ['t-5001', 't-5002', 't-5003', 't-5004'] }], ExpirationTimeResponse: 'Enabled' }));
      assert.equal(batch.Records?.length, 4);
      assert.ok(batch.Records?.find((r) => r.RecordIdentifierValueAsString === 't-5004')?.ExpiresAt);
    } finally {
      await old.stop();
    }
  });

  test('the sandbox clock cannot be moved past year 9999', async () => {
    const res = await fetch(`${sb.url}/_sandbox/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 1e20 }) });
    assert.equal(res.status, 400);
    const health = await sb.control('GET', 'health');
    assert.equal(typeof health.now, 'string');
  });
});

describe('malformed input AWS refuses', () => {
  test('broken percent-encoding in a query string is a 400, not a lenient read', async () => {
    const res = await fetch(`${sb.url}/FeatureGroup/customer-profile?RecordIdentifierValueAsString=%E0%A4%A`, { headers: { authorization: authHeader(ANALYTICS) } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('x-amzn-errortype'), 'ValidationError');
    assert.match(((await res.json()) as { Message: string }).Message, /percent-encoded.*%E0%A4%A/);
    const ram = await fetch(`${sb.url}/deleteresourceshare?resourceShareArn=%ZZ`, { method: 'DELETE', headers: { authorization: authHeader(ANALYTICS, 'ram') } });
    assert.equal(ram.status, 400);
    const sts = await fetch(`${sb.url}/`, { method: 'POST', headers: { authorization: authHeader(ANALYTICS, 'sts'), 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=GetCallerIdentity&Version=2011-06-15&x=%E0%A4%A' });
    assert.equal(sts.status, 400);
    assert.match(await sts.text(), /<Code>MalformedInput<\/Code>/);
  });

  test('a well-encoded query still works, + and %20 alike', async () => {
    await put('customer-profile', profile('c 1+2', '2026-01-01T00:00:00Z'));
    const res = await fetch(`${sb.url}/FeatureGroup/customer-profile?RecordIdentifierValueAsString=c%201%2B2`, { headers: { authorization: authHeader(ANALYTICS) } });
    assert.equal(res.status, 200);
    assert.ok(((await res.json()) as { Record?: unknown }).Record);
  });

  test('Search refuses a timestamp filter whose value is no timestamp', async () => {
    const search = (Value: string, Operator: 'GreaterThan' | 'In' = 'GreaterThan') => c.sm.send(new SearchCommand({ Resource: 'FeatureGroup', SearchExpression: { Filters: [{ Name: 'CreationTime', Operator, Value }] } }));
    const err = await rejectsWith(search('notadate'), 'ValidationException', 400);
    assert.match(err.message, /notadate.*CreationTime/);
    await rejectsWith(search('2020-01-01T00:00:00Z,never', 'In'), 'ValidationException', 400);
    assert.ok(((await search('2000-01-01T00:00:00Z')).Results?.length ?? 0) > 0);
    assert.ok(((await search('946684800')).Results?.length ?? 0) > 0);
  });
});
