// The inspector host refuses before any AWS call: writes without write access, invalid values (with
// no confirmation asked), and writes the user did not confirm. The RecordService is real; on these
// paths it is never reached (the endpoint is a closed port, so a call would surface as an error).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClientPool } from '../../../src/aws/clients';
import type { AccountContext, FeatureGroupDetail } from '../../../src/aws/model';
import { RecordService } from '../../../src/aws/records';
import { InspectorController, toGroupView } from '../../../src/inspector/controller';

const context: AccountContext = {
  // Port 9 (discard) on loopback: any call that did go out would fail, not hang.
  profile: { name: 'marketing', kind: 'static', region: 'us-east-1', endpoints: { featurestoreRuntime: 'http://127.0.0.1:9' } },
  region: 'us-east-1',
};

function group(access: FeatureGroupDetail['access']): FeatureGroupDetail {
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
  };
}

function controller(access: FeatureGroupDetail['access'], answer: boolean) {
  const asked: string[] = [];
  const failures: string[] = [];
  const records = new RecordService(new ClientPool({ requestTimeoutMs: 1000, maxAttempts: 1 }));
  const c = new InspectorController(context, group(access), {
    records: () => records,
    confirmWrite: async (g, recordId, profile) => {
      asked.push(`${g.name}/${recordId}/${profile}`);
      return answer;
    },
    onFailure: (what) => failures.push(what),
  });
  return { c, asked, failures };
}

const goodValues = { customer_id: 'c-9', event_time: '2025-01-15T12:00:00Z', age: '40' };

describe('InspectorController', () => {
  test('the page learns whether it may write', () => {
    assert.equal(toGroupView('marketing', group('readOnly')).canWrite, false);
    assert.equal(toGroupView('analytics', group('owner')).canWrite, true);
    assert.equal(toGroupView('marketing', group('readWrite')).canWrite, true);
  });

  test('a read-only group refuses writes without asking', async () => {
    const { c, asked, failures } = controller('readOnly', true);
    const response = await c.handle({ type: 'putRecord', id: 7, values: goodValues });
    assert.equal(response.type, 'putResult');
    assert.equal(response.id, 7);
    assert.equal(response.outcome.kind, 'error');
    assert.match((response.outcome as { message: string }).message, /read-only access to customer-profile/);
    assert.deepEqual(asked, []);
    assert.deepEqual(failures, []);
  });

  test('invalid values come back per feature and no confirmation is asked', async () => {
    const { c, asked } = controller('owner', true);
    const response = await c.handle({ type: 'putRecord', id: 1, values: { customer_id: 'c-9', event_time: 'yesterday', age: 'forty' } });
    assert.equal(response.outcome.kind, 'invalid');
    const problems = (response.outcome as { problems: { feature: string }[] }).problems;
    assert.deepEqual(problems.map((p) => p.feature).sort(), ['age', 'event_time']);
    assert.deepEqual(asked, []);
  });

  test('a write the user does not confirm is not sent', async () => {
    const { c, asked, failures } = controller('owner', false);
    const response = await c.handle({ type: 'putRecord', id: 2, values: goodValues });
    assert.deepEqual(response.outcome, { kind: 'cancelled' });
    assert.deepEqual(asked, ['customer-profile/c-9/marketing']);
    assert.deepEqual(failures, []);
  });

  test('an empty record id is refused before GetRecord', async () => {
    const { c, failures } = controller('readOnly', false);
    const response = await c.handle({ type: 'getRecord', id: 3, recordId: '' });
    assert.equal(response.outcome.kind, 'error');
    assert.deepEqual(failures, []);
  });

  test('a failing GetRecord becomes an error outcome with a sentence, logged', async () => {
    const { c, failures } = controller('readOnly', false);
    const response = await c.handle({ type: 'getRecord', id: 4, recordId: 'c-1001' });
    assert.equal(response.outcome.kind, 'error');
    // No credentials or a closed port, depending on the machine: either way one sentence naming the profile.
    assert.match((response.outcome as { message: string }).message, /marketing.*\.$/);
    assert.equal(failures.length, 1);
  });
});
