// The inspector protocol guards: each side accepts only well-formed messages from the other.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isHostMessage, isRecordValues, isWebviewMessage, RESPONSE_TYPE, type GroupView } from '../../../src/inspector/protocol';

const group: GroupView = {
  profile: 'marketing',
  name: 'customer-profile',
  arn: 'arn:aws:sagemaker:us-east-1:111111111111:feature-group/customer-profile',
  ownerAccountId: '111111111111',
  region: 'us-east-1',
  access: 'readOnly',
  canWrite: false,
  recordIdentifierFeatureName: 'customer_id',
  eventTimeFeatureName: 'event_time',
  features: [
    { name: 'customer_id', type: 'String' },
    { name: 'preferred_channels', type: 'String', collection: 'List' },
  ],
  onlineStoreEnabled: true,
};

describe('page → host', () => {
  test('accepts ready, getRecord and putRecord', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'getRecord', id: 1, recordId: 'c-1001' }));
    assert.ok(isWebviewMessage({ type: 'putRecord', id: 2, values: { customer_id: 'c-1', preferred_channels: ['email'] } }));
  });

  test('refuses unknown types, missing ids and badly typed values', () => {
    assert.ok(!isWebviewMessage({ type: 'deleteEverything', id: 1 }));
    assert.ok(!isWebviewMessage({ type: 'getRecord', recordId: 'c-1001' }));
    assert.ok(!isWebviewMessage({ type: 'getRecord', id: -1, recordId: 'c-1001' }));
    assert.ok(!isWebviewMessage({ type: 'getRecord', id: 1.5, recordId: 'c-1001' }));
    assert.ok(!isWebviewMessage({ type: 'getRecord', id: 1, recordId: 42 }));
    assert.ok(!isWebviewMessage({ type: 'putRecord', id: 1, values: { age: 42 } }));
    assert.ok(!isWebviewMessage({ type: 'putRecord', id: 1, values: { tags: ['a', 1] } }));
    assert.ok(!isWebviewMessage({ type: 'putRecord', id: 1, values: ['a'] }));
    assert.ok(!isWebviewMessage(null));
    assert.ok(!isWebviewMessage('ready'));
  });
});

describe('host → page', () => {
  test('accepts init and the three record outcomes', () => {
    assert.ok(isHostMessage({ type: 'init', group }));
    assert.ok(isHostMessage({ type: 'recordResult', id: 1, outcome: { kind: 'found', recordId: 'c-1', values: { a: 'b' } } }));
    assert.ok(isHostMessage({ type: 'recordResult', id: 1, outcome: { kind: 'notFound', recordId: 'c-9' } }));
    assert.ok(isHostMessage({ type: 'recordResult', id: 1, outcome: { kind: 'error', message: 'Denied.' } }));
  });

  test('accepts every put outcome', () => {
    for (const outcome of [
      { kind: 'written', recordId: 'c-1' },
      { kind: 'invalid', problems: [{ feature: 'age', message: 'Not a number.' }] },
      { kind: 'cancelled' },
      { kind: 'error', message: 'Denied.' },
    ]) {
      assert.ok(isHostMessage({ type: 'putResult', id: 3, outcome }), JSON.stringify(outcome));
    }
  });

  test('refuses malformed groups and outcomes', () => {
    assert.ok(!isHostMessage({ type: 'init', group: { ...group, access: 'superuser' } }));
    assert.ok(!isHostMessage({ type: 'init', group: { ...group, canWrite: 'yes' } }));
    assert.ok(!isHostMessage({ type: 'init', group: { ...group, features: [{ name: 'x', type: 'Blob' }] } }));
    assert.ok(!isHostMessage({ type: 'recordResult', id: 1, outcome: { kind: 'found', recordId: 'c-1' } }));
    assert.ok(!isHostMessage({ type: 'putResult', id: 1, outcome: { kind: 'invalid', problems: [{ feature: 'a' }] } }));
    assert.ok(!isHostMessage({ type: 'recordResult', outcome: { kind: 'notFound', recordId: 'x' } }));
  });

  test('every request type has its response type', () => {
    assert.deepEqual(RESPONSE_TYPE, { getRecord: 'recordResult', putRecord: 'putResult' });
    assert.ok(isRecordValues({}));
  });
});
