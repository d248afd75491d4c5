// The inspector host against the sandbox: read, change, write with the difference, the event-time
// warning, a conflict when the record changes between review and confirmation, deletes, batch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FeatureGroupDetail } from '../../src/aws/model';
import { InspectorController, type Confirmation } from '../../src/inspector/controller';
import type { OutcomeFor, PutRecordRequest, WritePreview } from '../../src/inspector/protocol';
import { startAwsTestEnv, type AwsTestEnv } from './awsTestEnv';

let t: AwsTestEnv;
let profileGroup: FeatureGroupDetail;
let transactions: FeatureGroupDetail;
let asked: Confirmation[] = [];
let answer = true;

function controller(group: FeatureGroupDetail, profile = 'analytics') {
  return new InspectorController(t.ctx(profile), group, {
    records: () => t.records,
    confirm: async (q) => {
      asked.push(q);
      return answer;
    },
    writeClipboard: async () => undefined,
    onFailure: () => undefined,
  });
}

before(async () => {
  t = await startAwsTestEnv();
  profileGroup = await t.catalog.describe(t.ctx('analytics'), 'customer-profile');
  transactions = await t.catalog.describe(t.ctx('analytics'), 'transactions');
});

after(async () => {
  await t.close();
});

async function stored(id: string) {
  return (await t.records.get(t.ctx('analytics'), profileGroup, id))?.values;
}

describe('write: read, change, write', () => {
  test('the preview lists exactly the changed features and nothing is written', async () => {
    const current = (await stored('c-1001'))!;
    const values = { ...current, age: '99', event_time: '2030-01-01T00:00:00Z' };
    delete (values as Record<string, unknown>).segment;
    const r = await controller(profileGroup).handle({ type: 'previewWrite', id: 1, values });
    assert.equal(r.outcome.kind, 'preview');
    const preview = (r.outcome as { preview: WritePreview }).preview;
    assert.equal(preview.exists, true);
    assert.deepEqual(preview.changes.map((c) => c.feature), ['event_time', 'age', 'segment']);
    assert.deepEqual(preview.changes.find((c) => c.feature === 'segment'), { feature: 'segment', before: current.segment });
    assert.equal(preview.unchanged, 3);
    assert.equal(preview.eventTimeWarning, undefined);
    assert.deepEqual(await stored('c-1001'), current, 'a preview writes nothing');
  });

  test('a confirmed write is sent, read back, and the confirmation showed the difference', async () => {
    asked = [];
    answer = true;
    const current = (await stored('c-1002'))!;
    const r = await controller(profileGroup).handle({ type: 'putRecord', id: 2, values: { ...current, age: '61', event_time: '2030-02-01T00:00:00Z' } });
    const outcome = r.outcome as OutcomeFor<PutRecordRequest>;
    assert.equal(outcome.kind, 'written');
    if (outcome.kind === 'written') assert.equal(outcome.readBack?.kind === 'found' && outcome.readBack.values.age, '61');
    assert.equal(asked.length, 1);
    assert.match(asked[0].detail, new RegExp(`age: ${current.age} → 61`));
    assert.equal((await stored('c-1002'))?.age, '61');
  });

  test('a declined write is not sent', async () => {
    asked = [];
    answer = false;
    const r = await controller(profileGroup).handle({ type: 'putRecord', id: 3, values: { customer_id: 'c-1003', event_time: '2030-03-01T00:00:00Z', age: '1' } });
    assert.deepEqual(r.outcome, { kind: 'cancelled' });
    assert.notEqual((await stored('c-1003'))?.age, '1');
    answer = true;
  });

  test('an older event time is warned about, and the write keeps the stored record online', async () => {
    asked = [];
    const current = (await stored('c-1004'))!;
    const values = { ...current, age: '7', event_time: '2000-01-01T00:00:00Z' };
    const preview = await controller(profileGroup).handle({ type: 'previewWrite', id: 4, values });
    assert.match((preview.outcome as { preview: WritePreview }).preview.eventTimeWarning ?? '', /older than the stored one.*has no offline store, so this write changes nothing/);
    const r = await controller(profileGroup).handle({ type: 'putRecord', id: 5, values });
    assert.equal(r.outcome.kind, 'written');
    assert.match((r.outcome as { warning?: string }).warning ?? '', /older/);
    assert.match(asked[0].detail, /Warning: The new event time/);
    assert.equal((await stored('c-1004'))?.age, current.age);
  });

  test('the record changing after the review stops the write with the new difference', async () => {
    const current = (await stored('c-1005'))!;
    const values = { ...current, age: '20', event_time: '2030-05-01T00:00:00Z' };
    const reviewed = (await controller(profileGroup).handle({ type: 'previewWrite', id: 6, values })).outcome as { preview: WritePreview };
    // Someone else writes the record before the user confirms.
    await t.records.put(t.ctx('analytics'), profileGroup, { ...current, age: '30', event_time: '2030-04-01T00:00:00Z' });
    asked = [];
    const r = await controller(profileGroup).handle({ type: 'putRecord', id: 7, values, baseline: reviewed.preview.baseline });
    assert.equal(r.outcome.kind, 'conflict');
    const fresh = (r.outcome as { preview: WritePreview }).preview;
    assert.equal(fresh.changes.find((c) => c.feature === 'age')?.before, '30');
    assert.deepEqual(asked, [], 'nothing was asked');
    assert.equal((await stored('c-1005'))?.age, '30');
  });

  test('a new record with its own time to live: the preview says when it expires', async () => {
    const values = { transaction_id: 't-new', event_time: '1893456000', amount: '1.5', customer_id: 'c-1', merchant_category: 'x', is_fraud: '0' };
    const preview = await controller(transactions).handle({ type: 'previewWrite', id: 8, values, ttl: { unit: 'Hours', value: 1 } });
    const p = (preview.outcome as { preview: WritePreview }).preview;
    assert.equal(p.exists, false);
    assert.equal(p.ttlNote, 'The record expires at 2030-01-01T01:00:00Z (event time + its own time to live of 1 hour).');
    const withGroupTtl = await controller(transactions).handle({ type: 'previewWrite', id: 9, values });
    assert.match((withGroupTtl.outcome as { preview: WritePreview }).preview.ttlNote ?? '', /2030-01-31T00:00:00Z \(event time \+ the group's time to live of 30 days\)/);
    const r = await controller(transactions).handle({ type: 'putRecord', id: 10, values, ttl: { unit: 'Hours', value: 1 } });
    assert.equal(r.outcome.kind, 'written');
    const readBack = (r.outcome as { readBack?: { kind: string; expiresAt?: string } }).readBack;
    assert.equal(readBack?.expiresAt, '2030-01-01T01:00:00.000Z');
  });
});

describe('delete', () => {
  test('soft delete: asked, sent with an event time after the stored one, then gone', async () => {
    asked = [];
    await t.records.put(t.ctx('analytics'), profileGroup, { customer_id: 'c-del', event_time: '2035-01-01T00:00:00Z', age: '3' });
    const r = await controller(profileGroup).handle({ type: 'deleteRecord', id: 11, recordId: 'c-del', mode: 'SoftDelete' });
    assert.deepEqual(r.outcome, { kind: 'deleted', recordId: 'c-del', mode: 'SoftDelete', eventTime: '2035-01-01T00:00:01Z' });
    assert.match(asked[0].message, /^Soft delete record "c-del" from customer-profile as profile analytics\?$/);
    assert.match(asked[0].detail, /not in the past/);
    assert.equal(await stored('c-del'), undefined);
  });

  test('a missing record has nothing to delete, and nothing is asked', async () => {
    asked = [];
    const r = await controller(profileGroup).handle({ type: 'deleteRecord', id: 12, recordId: 'c-none', mode: 'HardDelete' });
    assert.deepEqual(r.outcome, { kind: 'notFound', recordId: 'c-none' });
    assert.deepEqual(asked, []);
  });

  test('a declined delete keeps the record', async () => {
    answer = false;
    const r = await controller(profileGroup).handle({ type: 'deleteRecord', id: 13, recordId: 'c-1001', mode: 'HardDelete' });
    assert.deepEqual(r.outcome, { kind: 'cancelled' });
    assert.ok(await stored('c-1001'));
    answer = true;
  });
});

describe('reads through the inspector', () => {
  test('a subset of features, then the whole record; batch rows per id', async () => {
    const c = controller(transactions, 'analytics');
    const some = await c.handle({ type: 'getRecord', id: 14, recordId: 't-5001', featureNames: ['amount', 'nonsense'] });
    assert.equal(some.outcome.kind, 'found');
    assert.deepEqual(Object.keys((some.outcome as { values: object }).values), ['amount']);
    assert.deepEqual((some.outcome as { featureNames?: string[] }).featureNames, ['amount']);
    const batch = await c.handle({ type: 'batchGet', id: 15, recordIds: ['t-5001', 't-nope', ''] });
    assert.equal(batch.outcome.kind, 'batch');
    assert.deepEqual((batch.outcome as { rows: { status: string }[] }).rows.map((r) => r.status), ['found', 'notFound']);
  });
});
