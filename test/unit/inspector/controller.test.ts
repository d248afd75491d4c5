// The inspector host refuses before any AWS call: reads without read access, writes and deletes
// without write access, invalid values (no confirmation asked). The RecordService is real; on these
// paths it is never reached (the endpoint is a closed port, so a call would surface as an error).
// The paths that do call AWS run against the sandbox in test/integration/recordsInspector.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClientPool } from '../../../src/aws/clients';
import type { AccountContext, FeatureGroupDetail } from '../../../src/aws/model';
import { RecordService } from '../../../src/aws/records';
import { InspectorController, toGroupView, type Confirmation } from '../../../src/inspector/controller';
import type { InspectorRequest } from '../../../src/inspector/protocol';

const context: AccountContext = {
  // Port 9 (discard) on loopback: any call that did go out would fail, not hang.
  profile: { name: 'marketing', kind: 'static', region: 'us-east-1', endpoints: { featurestoreRuntime: 'http://127.0.0.1:9' } },
  region: 'us-east-1',
};

function group(access: FeatureGroupDetail['access'], extra: Partial<FeatureGroupDetail> = {}): FeatureGroupDetail {
  return {
    name: 'customer-profile',
    arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile',
    ownerAccountId: '111111111111',
    region: 'us-east-1',
    access,
    recordIdentifierFeatureName: 'customer_id',
    eventTimeFeatureName: 'event_time',
    features: [
      { name: 'customer_id', type: 'String' },
      { name: 'event_time', type: 'String' },
      { name: 'age', type: 'Integral' },
    ],
    onlineStoreEnabled: true,
    offlineStoreEnabled: false,
    ...extra,
  };
}

function controller(g: FeatureGroupDetail) {
  const asked: Confirmation[] = [];
  const failures: string[] = [];
  const clipboard: string[] = [];
  const records = new RecordService(new ClientPool({ requestTimeoutMs: 1000, maxAttempts: 1 }));
  const c = new InspectorController(context, g, {
    records: () => records,
    confirm: async (q) => {
      asked.push(q);
      return true;
    },
    writeClipboard: async (text) => {
      clipboard.push(text);
    },
    onFailure: (what) => failures.push(what),
  });
  return { c, asked, failures, clipboard };
}

const goodValues = { customer_id: 'c-9', event_time: '2025-01-15T12:00:00Z', age: '40' };

describe('what the page may offer', () => {
  test('owner and read/write shares read and write; read-only reads; discoverable-only does neither', () => {
    assert.deepEqual([toGroupView('a', group('owner')).canRead, toGroupView('a', group('owner')).canWrite], [true, true]);
    assert.deepEqual([toGroupView('m', group('readWrite')).canRead, toGroupView('m', group('readWrite')).canWrite], [true, true]);
    assert.deepEqual([toGroupView('m', group('admin')).canRead, toGroupView('m', group('admin')).canWrite], [true, true]);
    const ro = toGroupView('m', group('readOnly'));
    assert.deepEqual([ro.canRead, ro.canWrite], [true, false]);
    assert.match(ro.accessNote ?? '', /read records but not write or delete them.*111111111111/);
    const discover = toGroupView('m', group('discoverOnly'));
    assert.deepEqual([discover.canRead, discover.canWrite], [false, false]);
    assert.match(discover.accessNote ?? '', /no share grants access to its records/);
    assert.equal(toGroupView('a', group('owner')).accessNote, undefined);
  });
  test('a group without an online store has nothing to read', () => {
    const v = toGroupView('a', group('owner', { onlineStoreEnabled: false }));
    assert.equal(v.canRead, false);
    assert.match(v.accessNote ?? '', /no online store/);
  });
});

describe('refusals before any call', () => {
  test('read-only: writes and deletes are refused without asking', async () => {
    const { c, asked, failures } = controller(group('readOnly'));
    const put = await c.handle({ type: 'putRecord', id: 7, values: goodValues });
    assert.equal(put.type, 'putResult');
    assert.equal(put.id, 7);
    assert.match((put.outcome as { message: string }).message, /read-only access to customer-profile: writing records needs a ReadWrite or Admin share/);
    const preview = await c.handle({ type: 'previewWrite', id: 8, values: goodValues });
    assert.equal(preview.outcome.kind, 'error');
    const del = await c.handle({ type: 'deleteRecord', id: 9, recordId: 'c-1', mode: 'HardDelete' });
    assert.match((del.outcome as { message: string }).message, /deleting records needs/);
    assert.deepEqual(asked, []);
    assert.deepEqual(failures, []);
  });

  test('discoverable-only: not even reads go out, and the reason is given', async () => {
    const { c, failures } = controller(group('discoverOnly'));
    const requests: InspectorRequest[] = [{ type: 'getRecord', id: 1, recordId: 'c-1' }, { type: 'batchGet', id: 2, recordIds: ['c-1'] }];
    for (const request of requests) {
      const r = await c.handle(request);
      assert.equal(r.outcome.kind, 'error');
      assert.match((r.outcome as { message: string }).message, /Ask the owner for a feature-group share/);
    }
    assert.deepEqual(failures, []);
  });

  test('invalid values come back per feature and no confirmation is asked', async () => {
    const { c, asked } = controller(group('owner'));
    const response = await c.handle({ type: 'putRecord', id: 1, values: { customer_id: 'c-9', event_time: 'yesterday', age: 'forty' }, ttl: { unit: 'Days', value: 0 } });
    assert.equal(response.outcome.kind, 'invalid');
    const problems = (response.outcome as { problems: { feature: string }[] }).problems;
    assert.deepEqual(problems.map((p) => p.feature).sort(), ['TtlDuration', 'age', 'event_time']);
    assert.deepEqual(asked, []);
  });

  test('out-of-range event times and TTLs come back per field: nothing is read, asked or sent', async () => {
    const transactions = group('owner', {
      name: 'transactions',
      recordIdentifierFeatureName: 'transaction_id',
      features: [{ name: 'transaction_id', type: 'String' }, { name: 'event_time', type: 'Fractional' }, { name: 'amount', type: 'Fractional' }],
      defaultTtl: { unit: 'Days', value: 30 },
    });
    const cases: { values: Record<string, string>; ttl?: { unit: 'Weeks'; value: number }; feature: string; message: RegExp; defaultTtl?: { unit: 'Weeks'; value: number } }[] = [
      { values: { transaction_id: 't-5001', event_time: '1e20' }, feature: 'event_time', message: /"1e20" is outside the event time range/ },
      { values: { transaction_id: 't-5001', event_time: '1736942400' }, ttl: { unit: 'Weeks', value: 20_000_000 }, feature: 'TtlDuration', message: /expires at \+\d+-.*after 9999-12-31/ },
      { values: { transaction_id: 't-5001', event_time: '1736942400' }, ttl: { unit: 'Weeks', value: 2_147_483_648 }, feature: 'TtlDuration', message: /at most 2147483647 weeks/ },
      { values: { transaction_id: 't-5001', event_time: '1736942400' }, defaultTtl: { unit: 'Weeks', value: 2_000_000_000 }, feature: 'event_time', message: /group's default/ },
    ];
    for (const { values, ttl, feature, message, defaultTtl } of cases) {
      const { c, asked, failures } = controller(defaultTtl ? { ...transactions, defaultTtl } : transactions);
      for (const type of ['previewWrite', 'putRecord'] as const) {
        const response = await c.handle({ type, id: 1, values, ttl });
        assert.equal(response.outcome.kind, 'invalid', `${type} ${JSON.stringify(values)} ${JSON.stringify(ttl)}: ${JSON.stringify(response.outcome)}`);
        const problems = (response.outcome as { problems: { feature: string; message: string }[] }).problems;
        assert.deepEqual(problems.map((p) => p.feature), [feature]);
        assert.match(problems[0].message, message);
      }
      assert.deepEqual(asked, []);
      assert.deepEqual(failures, [], 'no call went out (the endpoint is a closed port)');
    }
  });

  test('an empty record id is refused before GetRecord, blank batch ids too', async () => {
    const { c, failures } = controller(group('readOnly'));
    assert.equal((await c.handle({ type: 'getRecord', id: 3, recordId: '' })).outcome.kind, 'error');
    assert.match(((await c.handle({ type: 'batchGet', id: 4, recordIds: ['', '  '] })).outcome as { message: string }).message, /at least one/);
    assert.deepEqual(failures, []);
  });

  test('a failing GetRecord becomes an error outcome with a sentence, logged', async () => {
    const { c, failures } = controller(group('readOnly'));
    const response = await c.handle({ type: 'getRecord', id: 4, recordId: 'c-1001' });
    assert.equal(response.outcome.kind, 'error');
    assert.match((response.outcome as { message: string }).message, /marketing.*\.$/);
    assert.equal(failures.length, 1);
  });
});

describe('copying', () => {
  test('a snippet goes to the clipboard and back to the page', async () => {
    const { c, clipboard } = controller(group('readOnly'));
    const r = await c.handle({ type: 'copy', id: 1, format: 'python', recordId: 'c-1001' });
    assert.equal(r.outcome.kind, 'copied');
    assert.equal(clipboard.length, 1);
    assert.equal((r.outcome as { text: string }).text, clipboard[0]);
    assert.match(clipboard[0], /endpoint_url="http:\/\/127\.0\.0\.1:9"/);
    assert.match(clipboard[0], /RecordIdentifierValueAsString="c-1001"/);
  });
});

describe('confirmations say what will happen', () => {
  test('a write lists the changes and warns about an older event time', () => {
    const { c } = controller(group('readWrite'));
    const q = c.writeConfirmation({
      recordId: 'c-1',
      exists: true,
      changes: [{ feature: 'age', before: '34', after: '35' }, { feature: 'event_time', before: '2030-01-01T00:00:00Z', after: '2025-01-01T00:00:00Z' }],
      unchanged: 1,
      newEventTime: '2025-01-01T00:00:00Z',
      storedEventTime: '2030-01-01T00:00:00Z',
      eventTimeWarning: 'The new event time is older.',
      baseline: 'x',
    });
    assert.equal(q.message, 'Write record "c-1" to customer-profile (owned by 111111111111) as profile marketing?');
    assert.match(q.detail, /2 features change:\n {2}age: 34 → 35\n {2}event_time: "2030-01-01T00:00:00Z" → "2025-01-01T00:00:00Z"/);
    assert.match(q.detail, /replaces the whole stored record/);
    assert.match(q.detail, /Warning: The new event time is older\./);
    assert.equal(q.button, 'Write');
  });
  test('soft and hard deletes are told apart', () => {
    const { c } = controller(group('owner', { offlineStoreEnabled: true }));
    const soft = c.deleteConfirmation('c-1', 'SoftDelete', '2025-01-01T00:00:00Z');
    const hard = c.deleteConfirmation('c-1', 'HardDelete', '2030-01-01T00:00:01Z', '2030-01-01T00:00:00Z');
    assert.equal(soft.button, 'Soft Delete');
    assert.equal(hard.button, 'Hard Delete');
    assert.match(soft.detail, /stop returning it/);
    assert.match(hard.detail, /cannot be undone/);
    assert.match(soft.detail, /deletion marker/);
    assert.match(hard.detail, /stored event time \(2030-01-01T00:00:00Z\) is not in the past/);
  });
});
